package io.podidentity.kubesim.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonDecoderTest {
  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "''                     | unexpected end of JSON input",
      "{\"a\":                | unexpected end of JSON input",
      "{bad}                  | invalid character 'b' looking for beginning of object key string",
      "{\"a\" 1}              | invalid character '1' after object key",
      "{\"a\":1 \"b\":2}      | invalid character '\"' after object key:value pair",
      "[1 2]                  | invalid character '2' after array element",
      "{} x                   | invalid character 'x' after top-level value",
      "tru                    | unexpected end of JSON input",
      "trve                   | invalid character 'v' in literal true (expecting 'u')",
      "-x                     | invalid character 'x' in numeric literal",
      "1.e5                   | invalid character 'e' after decimal point in numeric literal",
      "\"\\q\"                | invalid character 'q' in string escape code",
      "01                     | invalid character '1' after top-level value"})
  void reportsSyntaxErrorsInGoWording(String text, String message) {
    assertThatThrownBy(() -> JsonDecoder.parse(text)).isInstanceOf(JsonSyntaxError.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"a\":1,\"a\":2}                      | a",
      "{\"spec\":{\"x\":[{\"k\":1,\"k\":2}]}} | spec.x[0].k"})
  void reportsDuplicateFieldsAndKeepsTheLastValue(String text, String path) throws JsonSyntaxError {
    JsonDecoder.Parsed parsed = JsonDecoder.parse(text);
    assertThat(parsed.duplicateFields()).containsExactly(path);
    assertThat(parsed.value().toString()).contains("2").doesNotContain(":1");
  }

  @ParameterizedTest
  @CsvSource({"1.50, 1.50", "1e3, 1e3", "-0, -0"})
  void keepsNumbersAsWritten(String number, String written) throws JsonSyntaxError {
    assertThat(JsonTree.write(JsonDecoder.parse("[" + number + "]").value())).isEqualTo("[" + written + "]");
  }
}
