package io.podidentity.kubesim.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPatchTest {
  private static final String DOC = "{\"a\":{\"b\":1},\"l\":[1,2,3],\"s\":\"x~/y\"}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[{\"op\":\"add\",\"path\":\"/a/c\",\"value\":2}]                        | {\"a\":{\"b\":1,\"c\":2},\"l\":[1,2,3],\"s\":\"x~/y\"}",
      "[{\"op\":\"add\",\"path\":\"/l/-\",\"value\":4}]                        | {\"a\":{\"b\":1},\"l\":[1,2,3,4],\"s\":\"x~/y\"}",
      "[{\"op\":\"add\",\"path\":\"/l/0\",\"value\":0}]                        | {\"a\":{\"b\":1},\"l\":[0,1,2,3],\"s\":\"x~/y\"}",
      "[{\"op\":\"remove\",\"path\":\"/l/1\"}]                                 | {\"a\":{\"b\":1},\"l\":[1,3],\"s\":\"x~/y\"}",
      "[{\"op\":\"replace\",\"path\":\"/a/b\",\"value\":5}]                    | {\"a\":{\"b\":5},\"l\":[1,2,3],\"s\":\"x~/y\"}",
      "[{\"op\":\"move\",\"from\":\"/a/b\",\"path\":\"/z\"}]                   | {\"a\":{},\"l\":[1,2,3],\"s\":\"x~/y\",\"z\":1}",
      "[{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/c\"}]                     | {\"a\":{\"b\":1},\"l\":[1,2,3],\"s\":\"x~/y\",\"c\":{\"b\":1}}",
      "[{\"op\":\"test\",\"path\":\"/a/b\",\"value\":1}]                       | {\"a\":{\"b\":1},\"l\":[1,2,3],\"s\":\"x~/y\"}"})
  void appliesOperations(String patch, String expected) throws PatchException {
    assertThat(JsonPatch.apply(json(DOC), json(patch))).isEqualTo(json(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[{\"op\":\"test\",\"path\":\"/a/b\",\"value\":2}]   | testing value /a/b failed: test failed",
      "[{\"op\":\"remove\",\"path\":\"/a/x\"}]             | error in remove for path: \"/a/x\": Unable to remove nonexistent key: x: missing value",
      "[{\"op\":\"replace\",\"path\":\"/q\",\"value\":1}]  | replace operation does not apply: doc is missing key: /q: missing value",
      "[{\"op\":\"add\",\"path\":\"/x/y\",\"value\":1}]    | add operation does not apply: doc is missing path: \"/x/y\": missing value"})
  void failsWithTheLibrarysMessages(String patch, String message) {
    assertThatThrownBy(() -> JsonPatch.apply(json(DOC), json(patch))).isInstanceOf(PatchException.class).hasMessage(message);
  }

  private static JsonElement json(String text) {
    return JsonParser.parseString(text);
  }
}
