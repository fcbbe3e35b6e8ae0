package io.podidentity.mic.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.mic.testing.TestSettings;
import io.podidentity.runtime.config.RawValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One source of truth: the keys in {@code src-config/mic.properties} (which the jar packages and kustomize turns into
 * the ConfigMap) are exactly the keys MIC and its web server read, so a key added to the code or to the file alone
 * fails here.
 */
class MicKeysTest {
  @Test
  void srcConfigHoldsExactlyTheKeysMicReads() throws IOException {
    Properties file = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("../src-config/mic.properties"))) {
      file.load(in);
    }
    Map<String, String> values = TestSettings.values();
    Set<String> read = new TreeSet<>();
    MicSettingsReader.read(key -> {
      read.add(key);
      return Optional.ofNullable(values.get(key)).map(v -> new RawValue(v, "test"));
    });

    Set<String> inFile = new TreeSet<>(file.stringPropertyNames());
    assertThat(inFile).as("keys MIC reads").containsAll(read);
    inFile.removeAll(read);
    // The addresses and socket names are read by Helidon's web server itself; MIC only checks the ports.
    assertThat(inFile).as("keys no code reads").allMatch(k -> k.matches("server\\.(sockets\\.\\d+\\.)?(host|name)"));
  }
}
