package io.podidentity.kubesim.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.podidentity.kubesim.registry.BuiltinResources;
import io.podidentity.kubesim.schema.ObjectSchema;
import io.podidentity.kubesim.schema.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrategicMergePatchTest {
  private static final Schema POD = new ObjectSchema.Builtin(BuiltinResources.models(), "io.k8s.api.core.v1.Pod").root();
  private static final String ORIGINAL = """
      {"metadata":{"labels":{"a":"1"},"finalizers":["x"]},
       "spec":{"containers":[{"name":"app","image":"i:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
                             {"name":"side","image":"s:1"}],
               "tolerations":[{"key":"k1"}]}}""";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // maps merge, null deletes
      "labels merge           | {\"metadata\":{\"labels\":{\"b\":\"2\",\"a\":null}}}                | metadata.labels          | {\"b\":\"2\"}",
      // scalar lists with the merge strategy are sets
      "finalizers union       | {\"metadata\":{\"finalizers\":[\"y\",\"x\"]}}                       | metadata.finalizers      | [\"x\",\"y\"]",
      "finalizers delete      | {\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"x\"]}}   | metadata.finalizers      | []",
      // keyed lists merge by key; unnamed elements are appended
      "container by name      | {\"spec\":{\"containers\":[{\"name\":\"side\",\"image\":\"s:2\"}]}} | spec.containers[1].image | \"s:2\"",
      "env merge and delete   | {\"spec\":{\"containers\":[{\"name\":\"app\",\"env\":[{\"name\":\"A\",\"$patch\":\"delete\"},{\"name\":\"C\",\"value\":\"3\"}]}]}} | spec.containers[0].env | [{\"name\":\"B\",\"value\":\"2\"},{\"name\":\"C\",\"value\":\"3\"}]",
      "element order          | {\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"side\"},{\"name\":\"app\"}]}} | spec.containers[0].name | \"side\"",
      "list replace directive | {\"spec\":{\"containers\":[{\"name\":\"only\",\"image\":\"o\"},{\"$patch\":\"replace\"}]}} | spec.containers | [{\"name\":\"only\",\"image\":\"o\"}]",
      // lists without a strategy are replaced
      "tolerations replaced   | {\"spec\":{\"tolerations\":[{\"key\":\"k2\"}]}}                      | spec.tolerations         | [{\"key\":\"k2\"}]",
      // map directives
      "map replace            | {\"metadata\":{\"labels\":{\"$patch\":\"replace\",\"z\":\"9\"}}}     | metadata.labels          | {\"z\":\"9\"}"})
  void mergesAsTheSchemaTagsSay(String name, String patch, String path, String expected) throws PatchException {
    JsonObject result = StrategicMergePatch.apply(json(ORIGINAL), json(patch), POD);
    assertThat(at(result, path)).as(name).isEqualTo(JsonParser.parseString(expected));
  }

  private static com.google.gson.JsonElement at(JsonObject root, String path) {
    com.google.gson.JsonElement e = root;
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      String key = bracket < 0 ? part : part.substring(0, bracket);
      e = e.getAsJsonObject().get(key);
      if (bracket >= 0) {
        e = e.getAsJsonArray().get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
      }
    }
    return e;
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
