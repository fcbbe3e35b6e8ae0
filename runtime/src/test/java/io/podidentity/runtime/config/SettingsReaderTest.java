package io.podidentity.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {
  private static SettingsReader reader(Map<String, String> values) {
    return new SettingsReader(key -> Optional.ofNullable(values.get(key)).map(v -> new RawValue(v, "test")));
  }

  @Test
  void readsTypedValues() {
    SettingsReader r = reader(Map.of("b", "True", "i", "16", "d", "3m", "m", "Managed", "l", " a, ,b ", "s", "x"));
    assertThat(r.bool("b")).isTrue();
    assertThat(r.integer("i", 0, 100)).isEqualTo(16);
    assertThat(r.duration("d", Duration.ofSeconds(1))).isEqualTo(Duration.ofMinutes(3));
    assertThat(r.oneOf("m", Set.of("standard", "managed"))).isEqualTo("managed");
    assertThat(r.list("l")).containsExactly("a", "b");
    assertThat(r.string("s")).isEqualTo("x");
    r.validate();
  }

  @Test
  void collectsEveryProblemWithKeyValueAndSource() {
    SettingsReader r = reader(Map.of("b", "perhaps", "i", "-1", "d", "10", "m", "other"));
    r.bool("b");
    r.integer("i", 0, 100);
    r.duration("d", Duration.ofSeconds(1));
    r.oneOf("m", Set.of("standard", "managed"));
    r.string("missing");
    assertThat(r.problems()).containsExactly(
        "key 'b' has value 'perhaps' (from test): expected true or false",
        "key 'i' has value '-1' (from test): expected a whole number from 0 to 100",
        "key 'd' has value '10' (from test): expected a duration of at least 1s (like 15s, 3m, 1h30m)",
        "key 'm' has value 'other' (from test): expected one of [managed, standard]",
        "key 'missing' is not set and has no default");
    assertThatThrownBy(r::validate).isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("key 'i' has value '-1'");
  }

  @Test
  void refusesDurationsBelowTheMinimum() {
    SettingsReader r = reader(Map.of("d", "500ms"));
    r.duration("d", Duration.ofSeconds(1));
    assertThat(r.problems()).hasSize(1);
    assertThat(r.list("absent")).isEqualTo(List.of());
  }
}
