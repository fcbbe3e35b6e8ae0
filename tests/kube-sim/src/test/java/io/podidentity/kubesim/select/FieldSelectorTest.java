package io.podidentity.kubesim.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldSelectorTest {
  private static final Map<String, String> FIELDS = Map.of("metadata.name", "p1", "spec.nodeName", "node,a");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "metadata.name=p1                        | true",
      "metadata.name==p1                       | true",
      "metadata.name!=p1                       | false",
      "metadata.name=p1,spec.nodeName=node\\,a | true",
      "status.phase=                           | true",
      "status.phase=Running                    | false"})
  void matchesTermsWithEscapes(String selector, boolean matches) {
    assertThat(FieldSelector.parse(selector).matches(FIELDS)).isEqualTo(matches);
  }

  @Test
  void rejectsATermWithoutOperator() {
    assertThatThrownBy(() -> FieldSelector.parse("metadata.name")).hasMessage(
        "invalid selector: 'metadata.name'; can't understand 'metadata.name'");
  }
}
