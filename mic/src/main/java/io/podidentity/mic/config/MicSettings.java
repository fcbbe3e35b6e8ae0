package io.podidentity.mic.config;

import io.podidentity.mic.azure.AzureConfig;
import io.podidentity.runtime.tls.TrustStoreFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * MIC's validated configuration, read once at start by {@link MicSettingsReader} from {@code mic.properties}, the
 * environment and the original's flags. Grouped by concern so each part of MIC takes only what it needs.
 *
 * @param podNamespace MIC's own namespace ({@code MIC_POD_NAMESPACE}), required
 * @param immutableUserMsis client IDs never detached ({@code --immutable-user-msis})
 */
public record MicSettings(
    String podNamespace,
    boolean forceNamespaced,
    List<String> immutableUserMsis,
    boolean releaseFinishedPods,
    KubernetesSettings kubernetes,
    LeaderElectionSettings leaderElection,
    SyncSettings sync,
    ArmSettings arm,
    AzureSettings azure,
    TypeUpgradeSettings typeUpgrade,
    LogSettings log) {

  public MicSettings {
    Objects.requireNonNull(podNamespace, "podNamespace");
    immutableUserMsis = List.copyOf(immutableUserMsis);
  }

  /** API server access. */
  public record KubernetesSettings(Optional<Path> kubeconfig, double clientQps, int createDeleteBatch,
      Duration podResyncPeriod, Duration crdResyncPeriod, String customUserAgent) {}

  /** The Lease MIC replicas compete for; renew deadline and retry period derive from the duration as in the original. */
  public record LeaderElectionSettings(String instance, String namespace, String name, Duration duration) {
    public Duration renewDeadline() {
      return duration.dividedBy(2);
    }

    public Duration retryPeriod() {
      return duration.dividedBy(4);
    }
  }

  /** When syncs run. */
  public record SyncSettings(Duration syncRetryDuration, Duration reconcileInterval, boolean coalesceEvents,
      Duration coalesceDelay, Duration minInterval, boolean ignoreUnchangedResyncs, Duration retryBackoffInitial,
      Duration retryBackoffMax) {}

  /** How identity updates are retried and paced. */
  public record ArmSettings(int updateMaxRetry, Duration updateRetryInterval, boolean isolateFailingIdentities,
      Duration quarantineInitial, Duration quarantineMax, boolean honourRateLimitHeaders) {}

  /**
   * Where the cloud configuration comes from and how Azure is reached.
   *
   * @param cloudConfig azure.json; without it {@code fromEnvironment} applies
   * @param environmentFile the go-autorest environment file used for cloud {@code AzureStackCloud}
   */
  public record AzureSettings(Optional<Path> cloudConfig, AzureConfig fromEnvironment, Optional<Path> environmentFile,
      Optional<TrustStoreFile> trustStore, Optional<URI> imdsEndpoint, Duration pollInterval, String customUserAgent) {}

  /** A trust store file for private CAs. The password is never logged. */

  /** The once-only v1.6 field-name upgrade. */
  public record TypeUpgradeSettings(boolean enabled, String configMapName, String statusKey) {}

  /**
   * Logging and the flags that only change what is logged.
   *
   * @param enableScaleFeatures deprecated no-op flag, logged when set
   * @param enableProfile accepted, not supported on the JVM, logged when set
   */
  public record LogSettings(String format, int verbosity, boolean enableScaleFeatures, boolean enableProfile) {}
}
