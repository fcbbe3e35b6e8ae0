package io.podidentity.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

class RedactionTest {

  @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a56 | 8d3f##### REDACTED #####4a56",
        "abcdefgh                             | abcd##### REDACTED #####efgh",
        "abcdefg                              | abcdefg",
        "abc                                  | abc",
        "\"\"                                 | \"\"",
        "\"abcd efgh\"                        | \"abcd##### REDACTED #####efgh\"",
        "\" abcdefgh\"                        | \" abcdefgh\"",
        "\"abcdefgh \"                        | \"abcdefgh \"",
        "\"abc defgh\"                        | \"abc defgh\"",
      })
  void redactsLikeTheOriginal(String clientId, String expected) {
    assertThat(Redaction.clientId(clientId)).isEqualTo(expected);
  }

  static Stream<Arguments> whiteSpace() {
    return Stream.of(
        // Go's $ without (?m) is the end of the text: a trailing newline keeps the text as it is.
        Arguments.of("abcdefgh\n", "abcdefgh\n"),
        // Go's \s leaves out the vertical tab, so it counts as a kept character.
        Arguments.of("\u000Babcdefg", "\u000Babc##### REDACTED #####defg"),
        Arguments.of("abcd\tefgh", "abcd##### REDACTED #####efgh"),
        Arguments.of("abc\tdefgh", "abc\tdefgh"));
  }

  @ParameterizedTest
  @MethodSource("whiteSpace")
  void followsGoRegexpSemanticsForWhiteSpace(String clientId, String expected) {
    assertThat(Redaction.clientId(clientId)).isEqualTo(expected);
  }

  @Test
  void countsCharactersNotUtf16Units() {
    String key = "\uD83D\uDD11";
    String lock = "\uD83D\uDD12";
    assertThat(Redaction.clientId(key + key + "abcdef" + lock))
        .isEqualTo(key + key + "ab##### REDACTED #####def" + lock);
  }

  @ParameterizedTest
  @NullSource
  void givesEmptyTextForNull(String clientId) {
    assertThat(Redaction.clientId(clientId)).isEmpty();
  }
}
