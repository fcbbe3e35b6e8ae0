package io.podidentity.mic;

import io.kubernetes.client.openapi.ApiClient;
import io.podidentity.common.plan.PlannerSettings;
import io.podidentity.mic.arm.ArmIdentityAssigner;
import io.podidentity.mic.arm.ComputeClients;
import io.podidentity.mic.arm.ThrottleGates;
import io.podidentity.mic.azure.CloudConfigWatcher;
import io.podidentity.mic.azure.ReloadingCloud;
import io.podidentity.mic.config.MicSettings;
import io.podidentity.mic.kubernetes.KubernetesAdapters;
import io.podidentity.mic.kubernetes.LeaseElection;
import io.podidentity.mic.kubernetes.RequestPacer;
import io.podidentity.mic.kubernetes.TypeUpgrade;
import io.podidentity.mic.metrics.MicMetrics;
import io.podidentity.mic.reconcile.Reconciliation;
import io.podidentity.runtime.kubernetes.KubernetesClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/**
 * Builds a real {@link MicRuntime} from settings: the API client (paced at {@code --clientQps}), the cloud connection
 * (reloaded when azure.json changes), the ARM adapter, the Kubernetes adapters, the Lease election (on an API client
 * of its own, not paced) and the type upgrade. A connection failure at this point is a start-up failure.
 */
public final class MicWiring {
  public static final String VERSION = "0.1.0";
  private static final Logger LOG = Logger.getLogger(MicWiring.class.getName());

  private MicWiring() {}

  /**
   * @param environment the process environment ({@code KUBECONFIG}, {@code HOSTNAME})
   * @param onFatal ends the process (lease lost, type upgrade failed)
   */
  public static MicRuntime connect(MicSettings settings, Map<String, String> environment, Clock clock,
      MicMetrics metrics, Runnable onFatal) {
    return connect(settings, environment, clock, metrics, onFatal, List.of());
  }

  /** As {@link #connect(MicSettings, Map, Clock, MicMetrics, Runnable)}, with extra API client interceptors. */
  public static MicRuntime connect(MicSettings settings, Map<String, String> environment, Clock clock,
      MicMetrics metrics, Runnable onFatal, List<okhttp3.Interceptor> apiInterceptors) {
    List<AutoCloseable> resources = new ArrayList<>();
    String userAgent = userAgent(settings);
    RequestPacer pacer = new RequestPacer(settings.kubernetes().clientQps());
    resources.add(pacer);
    ApiClient client = apiClient(settings, environment, userAgent, apiInterceptors, Optional.of(pacer));
    ThrottleGates gates = new ThrottleGates();
    ReloadingCloud<ComputeClients> cloud = new ReloadingCloud<>(settings.azure(), ComputeClients.factory(gates, clock,
        settings.arm().honourRateLimitHeaders(), userAgent, settings.azure().pollInterval()));
    settings.azure().cloudConfig().ifPresent(file -> resources.add(watch(file, cloud)));
    KubernetesAdapters kubernetes = new KubernetesAdapters(client, settings, metrics, clock, cloud::config);
    ScheduledExecutorService syncThread = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("mic-sync").factory());
    ExecutorService workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("mic-worker-", 0)
        .factory());
    Reconciliation reconciliation = Reconciliation.assemble(new Reconciliation.Ports(kubernetes.source(),
        new ArmIdentityAssigner(() -> cloud.current().built(), gates, metrics, clock), kubernetes.store(),
        kubernetes.events()), () -> plannerSettings(settings, cloud.config().userAssignedIdentityId()), settings,
        metrics, clock, workers, syncThread);
    // the lease has a client of its own: renewals queued behind a burst of paced writes would cost the lease
    LeaseElection election = new LeaseElection(apiClient(settings, environment, userAgent, apiInterceptors,
        Optional.empty()), settings.leaderElection(), identity(settings, environment));
    TypeUpgrade upgrade = new TypeUpgrade(client, settings.typeUpgrade(), settings.podNamespace(), VERSION);
    logStartupNotes(settings);
    return new MicRuntime(election, kubernetes, upgrade::runIfNeeded, reconciliation, onFatal, metrics, syncThread,
        workers, resources);
  }

  private static ApiClient apiClient(MicSettings settings, Map<String, String> environment, String userAgent,
      List<okhttp3.Interceptor> interceptors, Optional<RequestPacer> pacer) {
    ApiClient client = KubernetesClientFactory.create(userAgent, settings.kubernetes().kubeconfig(), environment);
    okhttp3.OkHttpClient.Builder http = client.getHttpClient().newBuilder();
    pacer.ifPresent(http::addInterceptor);
    interceptors.forEach(http::addInterceptor);
    client.setHttpClient(http.build());
    return client;
  }

  /** The original's: {@code --immutable-user-msis} plus the cluster identity MIC authenticates with. */
  static PlannerSettings plannerSettings(MicSettings settings, String clusterIdentity) {
    Set<String> immutable = new HashSet<>(settings.immutableUserMsis());
    if (!clusterIdentity.isBlank()) {
      immutable.add(clusterIdentity);
    }
    return new PlannerSettings(settings.forceNamespaced(), immutable, settings.releaseFinishedPods());
  }

  static String userAgent(MicSettings settings) {
    String base = "aad-pod-identity/MIC/" + VERSION + "/podidentity-java";
    String custom = settings.kubernetes().customUserAgent();
    return custom.isEmpty() ? base : base + " " + custom;
  }

  private static String identity(MicSettings settings, Map<String, String> environment) {
    String instance = settings.leaderElection().instance();
    if (!instance.isEmpty()) {
      return instance;
    }
    String host = environment.get("HOSTNAME");
    if (host != null && !host.isBlank()) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "mic-" + ProcessHandle.current().pid();
    }
  }

  private static AutoCloseable watch(java.nio.file.Path file, ReloadingCloud<?> cloud) {
    try {
      return new CloudConfigWatcher(file, cloud::reload);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch cloud config " + file, e);
    }
  }

  private static void logStartupNotes(MicSettings settings) {
    if (settings.log().enableScaleFeatures()) {
      LOG.warning("--enableScaleFeatures is deprecated for MIC and has no effect");
    }
    if (settings.log().enableProfile()) {
      LOG.warning("--enableProfile is accepted but has no effect: use Java Flight Recorder to profile MIC");
    }
  }
}
