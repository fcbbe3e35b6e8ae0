package io.podidentity.kubesim.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {
  private static final Map<String, String> LABELS = Map.of("app", "web", "tier", "front", "n", "7");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "''                         | true",
      "app=web                    | true",
      "app==web                   | true",
      "app=api                    | false",
      "app!=api                   | true",
      "missing!=x                 | true",
      "app in (api, web)          | true",
      "app notin (web)            | false",
      "missing notin (web)        | true",
      "tier                       | true",
      "!tier                      | false",
      "!missing                   | true",
      "app=web,tier=back          | false",
      "app in (web),!missing,tier | true",
      "n>5                        | true",
      "n<5                        | false"})
  void matchesAsTheApiserverDoes(String selector, boolean matches) {
    assertThat(LabelSelector.parse(selector).matches(LABELS)).isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"a b=c", "app=has space", "app in (x"})
  void rejectsMalformedSelectors(String selector) {
    assertThatThrownBy(() -> LabelSelector.parse(selector)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unable to parse requirement");
  }
}
