package io.podidentity.nmi.token;

import io.podidentity.nmi.config.NmiSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gets managed identity tokens from IMDS ({@code --metadata-ip}, {@code --metadata-port}) as ADAL did for the
 * original: {@code api-version=2018-02-01}, {@code Metadata: true}, the identity's client ID (none for the node's
 * system-assigned identity). Every attempt passes the {@link ImdsGate}; 404, 410, 429, 5xx and connection failures
 * are retried up to the configured attempts with a doubling pause (or IMDS's {@code Retry-After}, at most 5 s).
 */
public final class ImdsTokenClient {
  private static final Set<Integer> RETRIED = Set.of(404, 410, 429, 500, 502, 503, 504);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
  private static final int MAX_ERROR_BODY = 1024;

  private final HttpClient http;
  private final NmiSettings.Imds settings;
  private final ImdsGate gate;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final String userAgent;
  private final UpstreamObserver observer;

  public ImdsTokenClient(HttpClient http, NmiSettings.Imds settings, ImdsGate gate, Clock clock,
      ScheduledExecutorService scheduler, String userAgent, UpstreamObserver observer) {
    this.http = http;
    this.settings = settings;
    this.gate = gate;
    this.clock = clock;
    this.scheduler = scheduler;
    this.userAgent = userAgent;
    this.observer = observer;
  }

  /** A token for the user-assigned identity {@code clientId}, or the system-assigned one when it is empty. */
  public CompletableFuture<TokenOutcome> token(String clientId, String resource) {
    String operation = clientId.isEmpty() ? UpstreamObserver.NODE_SYSTEM_ASSIGNED : UpstreamObserver.USER_ASSIGNED;
    long started = System.nanoTime();
    return attempt(request(clientId, resource), resource, 1).thenApply(outcome -> {
      observer.called(operation, Duration.ofNanos(System.nanoTime() - started),
          outcome instanceof TokenOutcome.Issued);
      return outcome;
    });
  }

  private CompletableFuture<TokenOutcome> attempt(HttpRequest request, String resource, int attempt) {
    return gate.submit(() -> send(request))
        .handle((response, error) -> error == null ? answered(request, response, resource, attempt)
            : failed(request, unwrap(error), resource, attempt))
        .thenCompose(next -> next);
  }

  /**
   * One blocking exchange on a virtual thread of its own. Not {@code sendAsync}: the JDK client completes those
   * futures on the common pool, which two cores give one worker, so a busy common pool would stall every token.
   */
  private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
    CompletableFuture<HttpResponse<String>> response = new CompletableFuture<>();
    Thread.ofVirtual().name("nmi-imds-token").start(() -> {
      try {
        response.complete(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
      } catch (IOException | RuntimeException e) {
        response.completeExceptionally(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        response.completeExceptionally(e);
      }
    });
    return response;
  }

  private CompletableFuture<TokenOutcome> answered(HttpRequest request, HttpResponse<String> response,
      String resource, int attempt) {
    int status = response.statusCode();
    if (status == 200) {
      Optional<IssuedToken> token = ImdsTokenParser.parse(response.body(), resource, clock.instant());
      return CompletableFuture.completedFuture(token.<TokenOutcome>map(t -> new TokenOutcome.Issued(
          java.util.List.of(t))).orElseGet(() -> new TokenOutcome.Unavailable(
              "IMDS answered 200 without a usable token (access_token and expires_on are required)")));
    }
    if (RETRIED.contains(status) && attempt < settings.attempts()) {
      return later(request, resource, attempt, retryAfter(response).orElse(pause(attempt)));
    }
    return CompletableFuture.completedFuture(new TokenOutcome.Refused("adal: Refresh request failed. Status Code = '"
        + status + "'. Response body: " + trimmed(response.body())));
  }

  private CompletableFuture<TokenOutcome> failed(HttpRequest request, Throwable error, String resource, int attempt) {
    if (error instanceof ImdsGate.GateFull full) {
      return CompletableFuture.completedFuture(new TokenOutcome.Busy(full.getMessage()));
    }
    if (error instanceof IOException && attempt < settings.attempts()) {
      return later(request, resource, attempt, pause(attempt));
    }
    return CompletableFuture.completedFuture(new TokenOutcome.Unavailable("failed to get token from IMDS at "
        + settings.ip() + ":" + settings.port() + ": " + error.getClass().getSimpleName()
        + (error.getMessage() == null ? "" : " " + error.getMessage())));
  }

  private CompletableFuture<TokenOutcome> later(HttpRequest request, String resource, int attempt, Duration pause) {
    CompletableFuture<TokenOutcome> next = new CompletableFuture<>();
    scheduler.schedule(() -> attempt(request, resource, attempt + 1).whenComplete((outcome, error) -> {
      if (error != null) {
        next.completeExceptionally(error);
      } else {
        next.complete(outcome);
      }
    }), pause.toMillis(), TimeUnit.MILLISECONDS);
    return next;
  }

  private HttpRequest request(String clientId, String resource) {
    String host = settings.ip().contains(":") ? "[" + settings.ip() + "]" : settings.ip();
    String query = "api-version=2018-02-01" + (clientId.isEmpty() ? "" : "&client_id=" + encode(clientId))
        + "&resource=" + encode(resource);
    return HttpRequest.newBuilder(URI.create("http://" + host + ":" + settings.port()
            + "/metadata/identity/oauth2/token?" + query))
        .timeout(settings.timeout()).header("Metadata", "true").header("User-Agent", userAgent).GET().build();
  }

  private static Duration pause(int attempt) {
    Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempt - 1, 10));
    return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
  }

  private static Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        Duration d = Duration.ofSeconds(Long.parseLong(v.strip()));
        return Optional.of(d.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : d);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  private static String trimmed(String body) {
    String oneLine = body.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() > MAX_ERROR_BODY ? oneLine.substring(0, MAX_ERROR_BODY) + "..." : oneLine;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }
}
