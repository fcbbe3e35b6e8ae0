package io.podidentity.bench.mic;

import io.podidentity.mic.config.MicSettings;
import io.podidentity.mic.config.MicSettingsReader;
import io.podidentity.runtime.config.RawValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A MIC configuration under test: the packaged defaults ({@code improved}) or every improvement that has a switch
 * turned back to the original's behaviour ({@code baseline}). Both keep {@code mic.client-qps} at 50 so that the
 * comparison is about the loop, and both run with MIC's periodic work compressed by the same factor as the quiet
 * period (resyncs, drift checks and the full-sync tick come that much sooner).
 */
record MicVariant(String name, Map<String, String> overrides) {
  static final MicVariant IMPROVED = new MicVariant("improved", Map.of());
  static final MicVariant BASELINE = new MicVariant("baseline", Map.of(
      "mic.coalesce-events", "false",
      "mic.ignore-unchanged-resyncs", "false",
      "mic.release-finished-pods", "false",
      "mic.isolate-failing-identities", "false",
      "mic.retry-backoff-initial", "0s",
      "mic.honour-rate-limit-headers", "false"));

  static List<MicVariant> both() {
    return List.of(IMPROVED, BASELINE);
  }

  MicSettings settings(ClusterWorld world, int compression) {
    Map<String, String> values = defaults();
    values.putAll(Map.of(
        "mic.kubeconfig", world.kubeconfig.toString(),
        "mic.cloudconfig", world.azureJson.toString(),
        "mic.azure.environment-file", world.environmentFile.toString(),
        "mic.azure.trust-store", world.trustStore.toString(),
        "mic.azure.trust-store-password", world.trustStorePassword,
        "mic.pod-namespace", "mic-system",
        "mic.leader-election-namespace", "mic-system",
        "mic.leader-election-instance", "bench-" + name));
    values.putAll(Map.of(
        "mic.pod-resync-period", seconds(30, compression),
        "mic.crd-resync-period", seconds(600, compression),
        "mic.identity-assignment-reconcile-interval", seconds(180, compression),
        "mic.sync-retry-duration", seconds(3600, compression)));
    values.putAll(overrides);
    return MicSettingsReader.read(key -> Optional.ofNullable(values.get(key)).map(v -> new RawValue(v, "bench")));
  }

  private static String seconds(int original, int compression) {
    return Math.max(1, original / compression) + "s";
  }

  private static Map<String, String> defaults() {
    Properties properties = new Properties();
    try (InputStream in = MicVariant.class.getClassLoader().getResourceAsStream("mic.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> map = new HashMap<>();
    properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
    return map;
  }
}
