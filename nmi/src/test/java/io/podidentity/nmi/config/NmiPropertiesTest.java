package io.podidentity.nmi.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.runtime.config.Flag;
import io.podidentity.runtime.config.RawValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** src-config/nmi.properties: a commented key for every flag, with the original's default (§3.1). */
class NmiPropertiesTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      server.host                         | 127.0.0.1
      server.port                         | 2579
      server.sockets.0.port               | 8085
      server.sockets.1.port               | 9090
      nmi.metadata-ip                     | 169.254.169.254
      nmi.metadata-port                   | 80
      nmi.node                            | ''
      nmi.ipt-update-interval-sec         | 60
      nmi.force-namespaced                | false
      nmi.mic-namespace                   | default
      nmi.retry-attempts-for-created      | 16
      nmi.retry-attempts-for-assigned     | 4
      nmi.find-identity-retry-interval    | 5
      nmi.enable-profile                  | false
      nmi.enable-scale-features           | true
      nmi.block-instance-metadata         | false
      nmi.metadata-header-required        | true
      nmi.operation-mode                  | standard
      nmi.allow-network-plugin-kubenet    | false
      nmi.kubelet-config                  | /etc/default/kubelet
      nmi.set-retry-after-header          | false
      nmi.enable-conntrack-deletion       | false
      nmi.log-format                      | text
      nmi.log-verbosity                   | 0
      nmi.custom-user-agent               | ''
      """)
  void keepsTheOriginalsDefault(String key, String value) throws IOException {
    assertThat(properties()).containsEntry(key, value);
  }

  @Test
  void hasAKeyForEveryFlag() throws IOException {
    Map<String, String> properties = properties();
    List<String> keys = NmiFlags.ALL.stream().filter(f -> f.kind() != Flag.Kind.IGNORED).map(Flag::key).toList();
    assertThat(properties.keySet()).containsAll(keys);
  }

  /** One source of truth: every key NMI's reader asks for is in the file, and every other key there is Helidon's. */
  @Test
  void holdsExactlyTheKeysNmiReads() throws IOException {
    Map<String, String> properties = properties();
    properties.put("nmi.node", "aks-nodepool1-0");
    Set<String> read = new TreeSet<>();
    NmiSettingsReader.read(key -> {
      read.add(key);
      return Optional.ofNullable(properties.get(key)).map(v -> new RawValue(v, "nmi.properties"));
    });

    Set<String> inFile = new TreeSet<>(properties.keySet());
    assertThat(inFile).as("keys NMI reads").containsAll(read);
    inFile.removeAll(read);
    // Read by Helidon's web server itself: socket addresses and names, timeouts, which socket serves health.
    assertThat(inFile).as("keys no code reads").allMatch(k -> k.startsWith("server."));
  }

  @Test
  void commentsEveryKey() throws IOException {
    List<String> lines = text().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.isBlank() && !line.startsWith("#")) {
        assertThat(lines.get(i - 1)).as("comment above " + line).startsWith("# ");
      }
    }
  }

  private static Map<String, String> properties() throws IOException {
    Map<String, String> map = new LinkedHashMap<>();
    text().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
      int eq = l.indexOf('=');
      map.put(l.substring(0, eq), l.substring(eq + 1));
    });
    return map;
  }

  private static String text() throws IOException {
    try (InputStream in = NmiPropertiesTest.class.getClassLoader().getResourceAsStream("nmi.properties")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
