package io.podidentity.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {
  @ParameterizedTest
  @CsvSource({
      "3600s, PT1H", "3m, PT3M", "1h30m, PT1H30M", "15s, PT15S", "1.5s, PT1.5S", "500ms, PT0.5S",
      "0, PT0S", "PT20S, PT20S", "2h0m0s, PT2H"})
  void parsesGoAndIsoDurations(String text, String iso) {
    assertThat(GoDuration.parse(text)).contains(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "15", "abc", "1x", "s", "3m abc", "-5s", "P1Y"})
  void refusesWhatGoRefuses(String text) {
    assertThat(GoDuration.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"PT1H, 1h", "PT3M, 3m", "PT1H30M5S, 1h30m5s", "PT0.2S, 200ms", "PT0S, 0s"})
  void formatsShortly(String iso, String text) {
    assertThat(GoDuration.format(Duration.parse(iso))).isEqualTo(text);
  }
}
