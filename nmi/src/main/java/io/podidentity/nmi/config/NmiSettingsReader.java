package io.podidentity.nmi.config;

import io.podidentity.nmi.decide.PolicySettings;
import io.podidentity.runtime.config.ConfigSources;
import io.podidentity.runtime.config.RawValue;
import io.podidentity.runtime.config.SettingsReader;
import io.podidentity.runtime.tls.TrustStoreFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link NmiSettings} and refuses bad values with messages naming key, value and source, all at once. Used by
 * {@code NmiMain}'s start-up check and by the CDI producer, so both see the same settings.
 */
public final class NmiSettingsReader {
  static final String MANAGED_NEEDS_NAMESPACED = "managed mode not intialized in force namespaced mode";
  private static final Duration MILLISECOND = Duration.ofMillis(1);
  // MicroProfile Config reads "key=" as not set; these keys are empty by default.
  private static final Set<String> MAY_BE_EMPTY = Set.of("nmi.node", "nmi.kubeconfig", "nmi.custom-user-agent",
      "nmi.aad-trust-store", "nmi.aad-trust-store-password");

  private NmiSettingsReader() {}

  public static NmiSettings read(Config config) {
    return read(ConfigSources.lookup(config));
  }

  public static NmiSettings read(Function<String, Optional<RawValue>> lookup) {
    SettingsReader r = new SettingsReader(key -> lookup.apply(key).or(() -> MAY_BE_EMPTY.contains(key)
        ? Optional.of(new RawValue("", "defaults")) : Optional.empty()));
    String node = r.string("nmi.node").strip();
    boolean cleanup = r.bool("nmi.cleanup");
    if (node.isEmpty() && !cleanup) {
      r.problem("key 'nmi.node' is empty: set --node (the manifests pass $(NODE_NAME) from spec.nodeName)");
    }
    NmiSettings settings = new NmiSettings(node, listen(r), imds(r), policy(r), http(r), rules(r), cache(r),
        kubernetes(r), aad(r), log(r), cleanup);
    r.validate();
    return settings;
  }

  private static NmiSettings.Listen listen(SettingsReader r) {
    String host = r.string("server.host").strip();
    if (!IpLiterals.isLiteral(host)) {
      r.problem("key 'server.host' has value '" + host + "': expected an IP address (it is the DNAT target)");
    }
    return new NmiSettings.Listen(host, r.integer("server.port", 0, 65535),
        r.integer("server.sockets.0.port", 0, 65535), r.integer("server.sockets.1.port", 0, 65535));
  }

  private static NmiSettings.Imds imds(SettingsReader r) {
    String ip = r.string("nmi.metadata-ip").strip();
    if (!IpLiterals.isLiteral(ip)) {
      r.problem("key 'nmi.metadata-ip' has value '" + ip + "': expected an IP address");
    }
    return new NmiSettings.Imds(ip, r.integer("nmi.metadata-port", 1, 65535),
        r.duration("nmi.imds-timeout", MILLISECOND), r.integer("nmi.imds-retry-attempts", 1, 20),
        r.integer("nmi.imds-max-concurrent", 1, 1000), r.integer("nmi.imds-max-per-second", 1, 10_000),
        r.integer("nmi.imds-max-queue", 0, 100_000), r.duration("nmi.imds-queue-timeout", MILLISECOND),
        r.duration("nmi.proxy-timeout", MILLISECOND));
  }

  private static PolicySettings policy(SettingsReader r) {
    String mode = r.oneOf("nmi.operation-mode", Set.of("standard", "managed"));
    boolean namespaced = r.bool("nmi.force-namespaced");
    if (mode.equals("managed") && !namespaced) {
      r.problem("key 'nmi.operation-mode' is 'managed' but 'nmi.force-namespaced' is false: "
          + MANAGED_NEEDS_NAMESPACED + " (set --forceNamespaced or FORCENAMESPACED=true)");
    }
    return new PolicySettings(mode.equals("managed") ? PolicySettings.Mode.MANAGED : PolicySettings.Mode.STANDARD,
        namespaced, nonBlank(r, "nmi.mic-namespace"), r.integer("nmi.retry-attempts-for-created", 0, 100_000),
        r.integer("nmi.retry-attempts-for-assigned", 0, 100_000),
        secondsOrDuration(r, "nmi.find-identity-retry-interval"), r.bool("nmi.set-retry-after-header"));
  }

  private static NmiSettings.Http http(SettingsReader r) {
    return new NmiSettings.Http(r.bool("nmi.block-instance-metadata"), r.bool("nmi.metadata-header-required"),
        r.duration("nmi.disconnect-check-interval", MILLISECOND), r.integer("nmi.pod-lookup-retries", 0, 100),
        r.duration("nmi.pod-lookup-interval", MILLISECOND));
  }

  private static NmiSettings.Rules rules(SettingsReader r) {
    return new NmiSettings.Rules(r.bool("nmi.manage-iptables"), secondsOrDuration(r, "nmi.ipt-update-interval-sec"),
        r.oneOf("nmi.iptables-backend", Set.of("auto", "nft", "legacy", "iptables")),
        r.bool("nmi.enable-conntrack-deletion"), r.bool("nmi.allow-network-plugin-kubenet"),
        Path.of(nonBlank(r, "nmi.kubelet-config")));
  }

  private static NmiSettings.TokenCache cache(SettingsReader r) {
    return new NmiSettings.TokenCache(r.bool("nmi.token-cache-enabled"), r.decimal("nmi.token-refresh-ratio", 0.1, 1.0),
        r.duration("nmi.token-min-remaining", Duration.ZERO), r.duration("nmi.token-negative-ttl", Duration.ZERO),
        r.integer("nmi.token-cache-max-entries", 1, 10_000_000));
  }

  private static NmiSettings.Kubernetes kubernetes(SettingsReader r) {
    Optional<Path> kubeconfig = r.optionalString("nmi.kubeconfig").map(t -> Path.of(t.strip()));
    kubeconfig.filter(p -> !Files.isRegularFile(p)).ifPresent(p ->
        r.problem("key 'nmi.kubeconfig' has value '" + p + "': no such file"));
    return new NmiSettings.Kubernetes(kubeconfig, r.bool("nmi.enable-scale-features"),
        r.duration("nmi.resync-period", Duration.ZERO), r.string("nmi.custom-user-agent").strip());
  }

  private static NmiSettings.Aad aad(SettingsReader r) {
    Optional<String> store = r.optionalString("nmi.aad-trust-store").map(String::strip);
    store.filter(s -> !Files.isRegularFile(Path.of(s))).ifPresent(s ->
        r.problem("key 'nmi.aad-trust-store' has value '" + s + "': no such file"));
    String password = r.string("nmi.aad-trust-store-password");
    String type = r.oneOf("nmi.aad-trust-store-type", Set.of("pkcs12", "jks"));
    return new NmiSettings.Aad(r.duration("nmi.aad-timeout", MILLISECOND),
        store.map(s -> new TrustStoreFile(Path.of(s), password.toCharArray(), type)));
  }

  private static NmiSettings.Log log(SettingsReader r) {
    return new NmiSettings.Log(r.oneOf("nmi.log-format", Set.of("text", "json")),
        r.integer("nmi.log-verbosity", 0, 10), r.bool("nmi.enable-profile"));
  }

  /** The original's integer seconds ({@code 5}), or a duration for finer steps ({@code 500ms}). */
  private static Duration secondsOrDuration(SettingsReader r, String key) {
    String text = r.string(key).strip();
    if (text.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    return r.duration(key, Duration.ZERO);
  }

  private static String nonBlank(SettingsReader r, String key) {
    String value = r.string(key).strip();
    if (value.isEmpty()) {
      r.problem("key '" + key + "' is empty: a value is required");
    }
    return value;
  }
}
