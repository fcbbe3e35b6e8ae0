package io.podidentity.mic.testing;

import io.podidentity.mic.config.MicSettings;
import io.podidentity.mic.config.MicSettingsReader;
import io.podidentity.runtime.config.RawValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings for tests: the packaged {@code mic.properties} defaults, a namespace, short intervals, and the test's
 * overrides on top (as {@code key, value} pairs).
 */
public final class TestSettings {
  private TestSettings() {}

  /** The packaged defaults (and a pod namespace) with {@code overrides} applied. */
  public static Map<String, String> values(String... overrides) {
    Map<String, String> values = defaults();
    values.put("mic.pod-namespace", "mic-system");
    values.put("mic.retry-backoff-initial", "200ms");
    values.put("mic.retry-backoff-max", "1s");
    values.put("mic.sync-coalesce-delay", "20ms");
    values.put("mic.sync-min-interval", "50ms");
    for (int i = 0; i < overrides.length; i += 2) {
      values.put(overrides[i], overrides[i + 1]);
    }
    return values;
  }

  public static MicSettings settings(String... overrides) {
    Map<String, String> values = values(overrides);
    return MicSettingsReader.read(key -> Optional.ofNullable(values.get(key)).map(v -> new RawValue(v, "test")));
  }

  private static Map<String, String> defaults() {
    Properties properties = new Properties();
    try (InputStream in = TestSettings.class.getClassLoader().getResourceAsStream("mic.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> map = new HashMap<>();
    properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
    return map;
  }
}
