package io.podidentity.nmi.config;

import io.podidentity.nmi.decide.PolicySettings;
import io.podidentity.runtime.tls.TrustStoreFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * NMI's validated settings, read once from configuration by {@link NmiSettingsReader}; every key of {@code
 * src-config/nmi.properties} lands in one of these records.
 */
public record NmiSettings(
    String node,
    Listen listen,
    Imds imds,
    PolicySettings policy,
    Http http,
    Rules rules,
    TokenCache cache,
    Kubernetes kubernetes,
    Aad aad,
    Log log,
    boolean cleanup) {

  public NmiSettings {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(imds, "imds");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(kubernetes, "kubernetes");
    Objects.requireNonNull(aad, "aad");
    Objects.requireNonNull(log, "log");
  }

  /** The token server's address and port, and the ports of the admin and metrics sockets. */
  public record Listen(String host, int port, int adminPort, int metricsPort) {}

  /**
   * Where IMDS is and how NMI treats it: per-attempt timeout and attempts for token calls, the node-wide limits
   * on token calls (IMDS allows 5 concurrent and 20 per second per VM), the bounded queue in front of them and
   * the pass-through's timeout.
   */
  public record Imds(String ip, int port, Duration timeout, int attempts, int maxConcurrent, int maxPerSecond,
      int maxQueue, Duration queueTimeout, Duration proxyTimeout) {}

  /** Behaviour of the IMDS-compatible endpoints beyond the token decision. */
  public record Http(boolean blockInstanceMetadata, boolean metadataHeaderRequired, Duration disconnectCheck,
      int podLookupRetries, Duration podLookupInterval) {}

  /** The redirect rules: whether NMI manages them, how often it checks them, which iptables, conntrack, kubenet. */
  public record Rules(boolean manage, Duration updateInterval, String backend, boolean conntrackDeletion,
      boolean allowKubenet, Path kubeletConfig) {}

  /** The token cache: on or off, when to refresh, what is too close to expiry to hand out, failure memory, size. */
  public record TokenCache(boolean enabled, double refreshRatio, Duration minRemaining, Duration negativeTtl,
      int maxEntries) {}

  /** The API server connection and what NMI watches. */
  public record Kubernetes(Optional<Path> kubeconfig, boolean scaleFeatures, Duration resyncPeriod, String userAgent) {}

  /** Azure AD calls for service principals: timeout and an optional trust store for a private CA. */
  public record Aad(Duration timeout, Optional<TrustStoreFile> trustStore) {}


  /** klog's verbosity and format, and the accepted-but-unused profiling flag. */
  public record Log(String format, int verbosity, boolean enableProfile) {}
}
