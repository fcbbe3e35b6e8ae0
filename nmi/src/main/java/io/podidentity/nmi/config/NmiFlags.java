package io.podidentity.nmi.config;

import io.podidentity.runtime.config.Flag;
import io.podidentity.runtime.config.KlogFlags;
import java.util.List;
import java.util.Map;

/**
 * The original NMI's command-line flags (pflag names, klog's merged in) and the configuration keys they set, so an
 * existing DaemonSet starts this NMI unchanged; plus {@code --cleanup}, which only removes the redirect rules.
 */
public final class NmiFlags {
  /** Every flag the original accepted, and {@code --cleanup}. */
  public static final List<Flag> ALL = KlogFlags.after(List.of(
      Flag.value("nmi-listen-address", "server.host"),
      Flag.value("nmi-port", "server.port"),
      Flag.value("http-probe-port", "server.sockets.0.port"),
      Flag.value("prometheus-port", "server.sockets.1.port"),
      Flag.value("metadata-ip", "nmi.metadata-ip"),
      Flag.value("metadata-port", "nmi.metadata-port"),
      Flag.value("node", "nmi.node"),
      Flag.value("ipt-update-interval-sec", "nmi.ipt-update-interval-sec"),
      Flag.bool("forceNamespaced", "nmi.force-namespaced"),
      Flag.value("MICNamespace", "nmi.mic-namespace"),
      Flag.value("retry-attempts-for-created", "nmi.retry-attempts-for-created"),
      Flag.value("retry-attempts-for-assigned", "nmi.retry-attempts-for-assigned"),
      Flag.value("find-identity-retry-interval", "nmi.find-identity-retry-interval"),
      Flag.bool("enableProfile", "nmi.enable-profile"),
      Flag.bool("enableScaleFeatures", "nmi.enable-scale-features"),
      Flag.bool("block-instance-metadata", "nmi.block-instance-metadata"),
      Flag.bool("metadata-header-required", "nmi.metadata-header-required"),
      Flag.value("operation-mode", "nmi.operation-mode"),
      Flag.bool("allow-network-plugin-kubenet", "nmi.allow-network-plugin-kubenet"),
      Flag.value("kubelet-config", "nmi.kubelet-config"),
      Flag.bool("set-retry-after-header", "nmi.set-retry-after-header"),
      Flag.bool("enable-conntrack-deletion", "nmi.enable-conntrack-deletion"),
      Flag.value("log-format", "nmi.log-format"),
      Flag.value("custom-user-agent", "nmi.custom-user-agent"),
      Flag.value("kubeconfig", "nmi.kubeconfig"),
      Flag.bool("cleanup", "nmi.cleanup")), "nmi.log-verbosity");

  /** The original's own environment variable: {@code FORCENAMESPACED=true} makes NMI namespaced. */
  public static final Map<String, String> ENVIRONMENT = Map.of("FORCENAMESPACED", "nmi.force-namespaced");

  private NmiFlags() {}
}
