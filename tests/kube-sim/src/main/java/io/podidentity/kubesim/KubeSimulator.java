package io.podidentity.kubesim;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.cluster.Controller;
import io.podidentity.kubesim.cluster.CrdController;
import io.podidentity.kubesim.cluster.IpPool;
import io.podidentity.kubesim.cluster.NamespaceController;
import io.podidentity.kubesim.cluster.SandboxKubelet;
import io.podidentity.kubesim.http.ApiServer;
import io.podidentity.kubesim.http.ServingCertificate;
import io.podidentity.kubesim.registry.ApiResources;
import io.podidentity.kubesim.registry.BuiltinResources;
import io.podidentity.kubesim.registry.Registry;
import io.podidentity.kubesim.registry.RegistryContext;
import io.podidentity.kubesim.store.ObjectStore;
import io.podidentity.kubesim.store.StoredEvent;
import io.podidentity.kubesim.token.ServiceAccountTokens;
import io.podidentity.kubesim.token.SigningKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory Kubernetes API server for tests, benchmarks and the sandbox: it speaks the apiserver's wire
 * protocol (discovery, OpenAPI, CRUD, patches, watches, tables, tokens) on a loopback port so that client-java,
 * its informers and leader election, and kubectl work against it unchanged. Start one with {@link #builder()}.
 */
public final class KubeSimulator implements AutoCloseable {
  private static final List<String> SYSTEM_NAMESPACES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

  private final Builder settings;
  private final ObjectStore store;
  private final Registry registry;
  private final ApiServer server;
  private final RequestCounters counters = new RequestCounters();
  private final List<Controller> controllers = new ArrayList<>();
  private final ObjectAccess access;
  private final ServingCertificate certificate;

  private KubeSimulator(Builder b) {
    this.settings = b;
    this.store = new ObjectStore(b.watchWindow);
    ApiResources resources = new ApiResources(BuiltinResources.all(b.kubelet));
    this.registry = new Registry(new RegistryContext(store, resources, b.clock));
    ServiceAccountTokens tokens = new ServiceAccountTokens(registry, new SigningKey(), this::issuer,
        () -> b.apiAudiences.isEmpty() ? List.of(issuer()) : b.apiAudiences, b.clock);
    this.certificate = b.tls || b.bearerToken != null ? new ServingCertificate(b.host) : null;
    this.server = new ApiServer(new ApiServer.Settings(b.host, b.port, b.bearerToken, b.bookmarkInterval, certificate),
        registry, store, tokens, counters, b.clock);
    this.access = new ObjectAccess(registry, store, b.clock);
    controllers.add(new CrdController(registry, b.clock));
    controllers.add(new NamespaceController(registry));
    if (b.kubelet) {
      controllers.add(new SandboxKubelet(registry, new IpPool(b.podCidr), b.clock));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  private KubeSimulator start() {
    controllers.forEach(c -> c.start(0));
    SYSTEM_NAMESPACES.forEach(access::ensureNamespace);
    server.start();
    return this;
  }

  /** The server's URL, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  public int port() {
    return server.port();
  }

  /** The service-account token issuer ({@code iss}); the server's URL unless one was configured. */
  public String issuer() {
    return settings.issuer != null ? settings.issuer : baseUrl();
  }

  /**
   * A kubeconfig for this server, with namespace default: no credentials over HTTP, or over HTTPS the static
   * bearer token and the serving certificate as certificate authority.
   */
  public String kubeconfig() {
    return Kubeconfig.render(baseUrl(), settings.bearerToken, certificatePem());
  }

  /** The self-signed serving certificate in PEM when serving HTTPS, else null. */
  public String certificatePem() {
    return certificate == null ? null : certificate.pem();
  }

  /** Writes {@link #kubeconfig()} to the file (creating its directory) and returns the file. */
  public Path writeKubeconfig(Path file) throws IOException {
    return Kubeconfig.write(file, kubeconfig());
  }

  /**
   * Stores an object as given, bypassing validation, defaults and pruning (for legacy or malformed objects a test
   * needs); only uid, creationTimestamp, a default namespace and the resourceVersion are filled in. Watchers see
   * it as ADDED. Returns what was stored.
   */
  public JsonObject seed(String rawJson) {
    return access.seed(rawJson);
  }

  /** The object as the API serves it, or null; {@code apiVersion} like {@code v1} or {@code aadpodidentity.k8s.io/v1}. */
  public JsonObject get(String apiVersion, String resource, String namespace, String name) {
    return access.get(apiVersion, resource, namespace, name);
  }

  /** The objects of a resource, in one namespace or (namespace null) all, in the API's order. */
  public List<JsonObject> list(String apiVersion, String resource, String namespace) {
    return access.list(apiVersion, resource, namespace);
  }

  /** The requests served so far, per verb and resource. */
  public RequestCounters requests() {
    return counters;
  }

  /** How many watch events of a type a resource (e.g. {@code pods}) has produced since start. */
  public long events(String resource, String type) {
    return store.eventCount(access.bucket(resource), StoredEvent.Type.valueOf(type));
  }

  /** The latest resourceVersion. */
  public long resourceVersion() {
    return store.revision();
  }

  /** Stops serving: watches end, the port is released, controllers stop. */
  @Override
  public void close() {
    controllers.forEach(Controller::close);
    store.close();
    server.close();
  }

  /** The simulator's options; every one has a default suited to tests. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String bearerToken;
    private boolean tls;
    private int watchWindow = 50_000;
    private Duration bookmarkInterval = Duration.ofMinutes(1);
    private boolean kubelet;
    private String podCidr = "127.0.10.0/24";
    private String issuer;
    private List<String> apiAudiences = List.of();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The address to listen on (loopback by default). */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on API paths and puts the token in the kubeconfig; implies
     * TLS, because kubectl and client-java send kubeconfig credentials only to TLS servers.
     */
    public Builder bearerToken(String token) {
      this.bearerToken = token;
      return this;
    }

    /** Serves HTTPS with a self-signed certificate, which the kubeconfig names as certificate authority. */
    public Builder tls(boolean enabled) {
      this.tls = enabled;
      return this;
    }

    /** How many events the watch history keeps; a watch from older than that gets 410 Gone. */
    public Builder watchWindow(int events) {
      this.watchWindow = events;
      return this;
    }

    /** How often watches that allow bookmarks get one (the apiserver: about a minute). */
    public Builder bookmarkInterval(Duration interval) {
      this.bookmarkInterval = interval;
      return this;
    }

    /** Plays scheduler and kubelet: pods get a node, an address from the pod CIDR and phase Running. */
    public Builder kubelet(boolean enabled) {
      this.kubelet = enabled;
      return this;
    }

    /** The pod addresses the kubelet hands out (default 127.0.10.0/24). */
    public Builder podCidr(String cidr) {
      this.podCidr = cidr;
      return this;
    }

    /** The service-account token issuer (default: the server's URL, so OIDC discovery resolves to it). */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** The API audiences tokens get when a TokenRequest names none (default: the issuer). */
    public Builder apiAudiences(List<String> audiences) {
      this.apiAudiences = List.copyOf(audiences);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Starts the simulator; it serves until {@link KubeSimulator#close()}. */
    public KubeSimulator start() {
      return new KubeSimulator(this).start();
    }
  }
}
