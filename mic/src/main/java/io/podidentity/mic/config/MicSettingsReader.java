package io.podidentity.mic.config;

import io.podidentity.mic.azure.AzureConfig;
import io.podidentity.runtime.config.ConfigSources;
import io.podidentity.runtime.config.RawValue;
import io.podidentity.runtime.config.SettingsReader;
import io.podidentity.runtime.tls.TrustStoreFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link MicSettings} and refuses bad values with messages that name key, value and source, all problems at
 * once (the start-up check of {@code MicMain} and the CDI producer both use it).
 */
public final class MicSettingsReader {
  private static final Duration SHORTEST = Duration.ofMillis(10);

  private MicSettingsReader() {}

  public static MicSettings read(Config config) {
    return read(ConfigSources.lookup(config));
  }

  public static MicSettings read(Function<String, Optional<RawValue>> lookup) {
    SettingsReader r = new SettingsReader(lookup);
    r.integer("server.port", 0, 65535);
    r.integer("server.sockets.0.port", 0, 65535);
    String namespace = r.string("mic.pod-namespace").strip();
    if (namespace.isEmpty()) {
      r.problem("key 'mic.pod-namespace' is empty: namespace not specified, set MIC_POD_NAMESPACE to MIC's namespace");
    }
    MicSettings settings = new MicSettings(namespace, r.bool("mic.force-namespaced"),
        r.list("mic.immutable-user-msis"), r.bool("mic.release-finished-pods"), kubernetes(r), leaderElection(r),
        sync(r), arm(r), azure(r), typeUpgrade(r), log(r));
    r.validate();
    return settings;
  }

  private static MicSettings.KubernetesSettings kubernetes(SettingsReader r) {
    return new MicSettings.KubernetesSettings(existingFile(r, "mic.kubeconfig"), r.decimal("mic.client-qps", 0.1, 1e6),
        r.integer("mic.create-delete-batch", 1, 10_000), r.duration("mic.pod-resync-period", Duration.ZERO),
        r.duration("mic.crd-resync-period", Duration.ZERO), r.string("mic.custom-user-agent").strip());
  }

  private static MicSettings.LeaderElectionSettings leaderElection(SettingsReader r) {
    return new MicSettings.LeaderElectionSettings(r.string("mic.leader-election-instance").strip(),
        nonBlank(r, "mic.leader-election-namespace"), nonBlank(r, "mic.leader-election-name"),
        r.duration("mic.leader-election-duration", Duration.ofSeconds(1)));
  }

  private static MicSettings.SyncSettings sync(SettingsReader r) {
    return new MicSettings.SyncSettings(r.duration("mic.sync-retry-duration", SHORTEST),
        r.duration("mic.identity-assignment-reconcile-interval", SHORTEST), r.bool("mic.coalesce-events"),
        r.duration("mic.sync-coalesce-delay", Duration.ZERO), r.duration("mic.sync-min-interval", Duration.ZERO),
        r.bool("mic.ignore-unchanged-resyncs"), r.duration("mic.retry-backoff-initial", Duration.ZERO),
        r.duration("mic.retry-backoff-max", Duration.ZERO));
  }

  private static MicSettings.ArmSettings arm(SettingsReader r) {
    return new MicSettings.ArmSettings(r.integer("mic.update-user-msi-max-retry", 0, 100),
        r.duration("mic.update-user-msi-retry-interval", Duration.ZERO), r.bool("mic.isolate-failing-identities"),
        r.duration("mic.quarantine-initial", Duration.ZERO), r.duration("mic.quarantine-max", Duration.ZERO),
        r.bool("mic.honour-rate-limit-headers"));
  }

  private static MicSettings.AzureSettings azure(SettingsReader r) {
    AzureConfig fromEnvironment = new AzureConfig(r.string("mic.azure.cloud"), r.string("mic.azure.tenant-id"),
        r.string("mic.azure.client-id"), r.string("mic.azure.client-secret"), r.string("mic.azure.subscription-id"),
        r.string("mic.azure.resource-group"), r.string("mic.azure.vm-type"), r.bool("mic.azure.use-msi"),
        r.string("mic.azure.user-assigned-msi-client-id"));
    Optional<Path> trustStorePath = existingFile(r, "mic.azure.trust-store");
    String password = r.string("mic.azure.trust-store-password");
    String type = r.oneOf("mic.azure.trust-store-type", Set.of("pkcs12", "jks"));
    return new MicSettings.AzureSettings(existingFile(r, "mic.cloudconfig"), fromEnvironment,
        existingFile(r, "mic.azure.environment-file"),
        trustStorePath.map(p -> new TrustStoreFile(p, password.toCharArray(), type)),
        url(r, "mic.azure.imds-endpoint"), r.duration("mic.azure.poll-interval", SHORTEST),
        r.string("mic.custom-user-agent").strip());
  }

  private static MicSettings.TypeUpgradeSettings typeUpgrade(SettingsReader r) {
    return new MicSettings.TypeUpgradeSettings(r.bool("mic.enable-type-upgrade"), nonBlank(r, "mic.config-map-name"),
        nonBlank(r, "mic.type-upgrade-status-key"));
  }

  private static MicSettings.LogSettings log(SettingsReader r) {
    return new MicSettings.LogSettings(r.oneOf("mic.log-format", Set.of("text", "json")),
        r.integer("mic.log-verbosity", 0, 10), r.bool("mic.enable-scale-features"), r.bool("mic.enable-profile"));
  }

  private static String nonBlank(SettingsReader r, String key) {
    String value = r.string(key).strip();
    if (value.isEmpty()) {
      r.problem("key '" + key + "' is empty: a value is required");
    }
    return value;
  }

  private static Optional<Path> existingFile(SettingsReader r, String key) {
    Optional<String> text = r.optionalString(key);
    if (text.isPresent() && !Files.isRegularFile(Path.of(text.get().strip()))) {
      r.problem("key '" + key + "' has value '" + text.get() + "': no such file");
    }
    return text.map(t -> Path.of(t.strip()));
  }

  private static Optional<URI> url(SettingsReader r, String key) {
    Optional<String> text = r.optionalString(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(text.get().strip());
      if (uri.getScheme() != null && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    r.problem("key '" + key + "' has value '" + text.get() + "': expected a URL like http://host:port");
    return Optional.empty();
  }
}
