package io.podidentity.nmi.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.podidentity.common.model.Mapped;
import io.podidentity.nmi.cluster.ClusterView;
import io.podidentity.nmi.config.NmiSettings;
import io.podidentity.nmi.decide.RequestTarget;
import io.podidentity.nmi.decide.Route;
import io.podidentity.nmi.decide.Router;
import io.podidentity.nmi.metrics.NmiMetrics;
import io.podidentity.nmi.token.TokenService;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every request on the token socket: the raw target is checked and routed (§3.3) before anything else, then answered
 * by the route's endpoint; each answer is counted under its route name and logged without tokens. An unexpected
 * failure answers 500 without internals.
 */
public final class ImdsRequests {
  private static final Logger LOG = Logger.getLogger(ImdsRequests.class.getName());
  static final String INVALID_REQUEST = "Invalid request";
  static final String BLOCKED = "Request blocked by AAD Pod Identity NMI";

  private final NmiSettings.Http settings;
  private final TokenEndpoint token;
  private final HostTokenEndpoint host;
  private final ImdsProxy proxy;
  private final NmiMetrics metrics;

  ImdsRequests(NmiSettings.Http settings, TokenEndpoint token, HostTokenEndpoint host, ImdsProxy proxy,
      NmiMetrics metrics) {
    this.settings = settings;
    this.token = token;
    this.host = host;
    this.proxy = proxy;
    this.metrics = metrics;
  }

  /** Wires the endpoints: one decider and token service for both token endpoints, one client for the proxy. */
  public static ImdsRequests create(NmiSettings settings, ClusterView cluster, TokenDecider decider,
      TokenService tokens, HttpClient proxyClient, NmiMetrics metrics, Clock clock) {
    TokenIssuance issuance = new TokenIssuance(decider, tokens, clock);
    boolean metadataRequired = settings.http().metadataHeaderRequired();
    return new ImdsRequests(settings.http(), new TokenEndpoint(metadataRequired, issuance, metrics::kubernetesError),
        new HostTokenEndpoint(issuance, cluster), new ImdsProxy(proxyClient, settings.imds(), metadataRequired),
        metrics);
  }

  public void handle(ServerRequest request, ServerResponse response) {
    long started = System.nanoTime();
    Route route = Route.INVALID_TARGET;
    Answer answer;
    try {
      Mapped<RequestTarget> target = RequestTarget.check(request.prologue().uriPath().rawPath(),
          request.query().rawValue(), request.prologue().fragment().hasValue());
      switch (target) {
        case Mapped.Valid<RequestTarget>(RequestTarget valid) -> {
          route = Router.route(valid, settings.blockInstanceMetadata());
          answer = answer(route, valid, request);
        }
        case Mapped.Rejected<RequestTarget>(String reason) -> {
          LOG.fine(() -> "refuse request target reason=\"" + reason + "\" path=" + AccessLog.printable(request));
          answer = Answer.plain(400, INVALID_REQUEST);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "failed to answer request route=" + route.label() + " error=" + e, e);
      answer = Answer.plain(500, "internal error");
    }
    write(response, answer);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    metrics.request(route.label(), answer.status(), answer.namespace(), answer.resource(), elapsed);
    AccessLog.log(request, route, answer, elapsed);
  }

  private Answer answer(Route route, RequestTarget target, ServerRequest request) {
    return switch (route) {
      case TOKEN -> token.answer(target, request);
      case HOST_TOKEN -> host.answer(target, request);
      case PROXY -> proxy.answer(target, request);
      case INSTANCE_BLOCKED -> Answer.plain(403, BLOCKED);
      case INVALID_TOKEN_PATH, INVALID_TARGET -> Answer.plain(400, INVALID_REQUEST);
    };
  }

  private static void write(ServerResponse response, Answer answer) {
    response.status(Status.create(answer.status()));
    answer.headers().forEach((name, value) -> response.header(HeaderNames.create(name), value));
    response.send(answer.body());
  }
}
