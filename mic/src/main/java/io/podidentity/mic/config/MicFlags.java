package io.podidentity.mic.config;

import io.podidentity.runtime.config.Flag;
import io.podidentity.runtime.config.KlogFlags;
import java.util.List;

/**
 * The original MIC's command-line flags (Go {@code flag} names, klog's included) and the configuration keys they
 * set, so existing Deployment manifests start this MIC unchanged.
 */
public final class MicFlags {
  /** Every flag the original accepted. */
  public static final List<Flag> ALL = KlogFlags.after(List.of(
      Flag.value("kubeconfig", "mic.kubeconfig"),
      Flag.value("cloudconfig", "mic.cloudconfig"),
      Flag.bool("forceNamespaced", "mic.force-namespaced"),
      Flag.value("syncRetryDuration", "mic.sync-retry-duration"),
      Flag.value("leader-election-instance", "mic.leader-election-instance"),
      Flag.value("leader-election-namespace", "mic.leader-election-namespace"),
      Flag.value("leader-election-name", "mic.leader-election-name"),
      Flag.value("leader-election-duration", "mic.leader-election-duration"),
      Flag.value("http-probe-port", "server.port"),
      Flag.value("prometheus-port", "server.sockets.0.port"),
      Flag.bool("enableProfile", "mic.enable-profile"),
      Flag.bool("enableScaleFeatures", "mic.enable-scale-features"),
      Flag.value("createDeleteBatch", "mic.create-delete-batch"),
      Flag.value("clientQps", "mic.client-qps"),
      Flag.value("immutable-user-msis", "mic.immutable-user-msis"),
      Flag.value("config-map-name", "mic.config-map-name"),
      Flag.value("type-upgrade-status-key", "mic.type-upgrade-status-key"),
      Flag.bool("enable-type-upgrade", "mic.enable-type-upgrade"),
      Flag.value("update-user-msi-max-retry", "mic.update-user-msi-max-retry"),
      Flag.value("update-user-msi-retry-interval", "mic.update-user-msi-retry-interval"),
      Flag.value("identity-assignment-reconcile-interval", "mic.identity-assignment-reconcile-interval"),
      Flag.value("log-format", "mic.log-format"),
      Flag.value("custom-user-agent", "mic.custom-user-agent")), "mic.log-verbosity");

  private MicFlags() {}
}
