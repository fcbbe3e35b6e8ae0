package io.podidentity.kubesim.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.registry.BuiltinResources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pruning, defaulting and validation against structural schemas, and the Go decoding of built-in kinds. */
class SchemaRulesTest {
  private static final Schema SCHEMA = new Schema(obj("""
      {"type":"object","properties":{"spec":{"type":"object","required":["id"],"properties":{
        "id":{"type":"string","maxLength":3,"pattern":"^[a-z]+$"},
        "n":{"type":"integer","minimum":1,"maximum":5},
        "mode":{"type":"string","enum":["a","b"],"default":"a"},
        "tags":{"type":"array","maxItems":2,"items":{"type":"string"}},
        "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true,"properties":{"k":{"type":"object"}}},
        "ref":{"type":"object","x-kubernetes-embedded-resource":true,"properties":{"spec":{"type":"object"}}},
        "port":{"x-kubernetes-int-or-string":true}}}}}"""), Map.of());
  private static final Schema META = new ObjectSchema.Builtin(BuiltinResources.models(),
      "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta").root();

  @Test
  void prunesUnknownFieldsExceptWherePreservedOrEmbedded() {
    JsonObject o = obj("""
        {"apiVersion":"g/v1","kind":"K","metadata":{"name":"x","bogus":1},"extra":1,
         "spec":{"id":"a","unknown":1,"free":{"anything":1,"k":{"dropped":1}},
                 "ref":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","nope":1},"spec":{"x":1},"other":2}}}""");
    List<String> pruned = Pruner.pruneObject(o, SCHEMA, META);
    assertThat(pruned).containsExactlyInAnyOrder("metadata.bogus", "extra", "spec.unknown", "spec.free.k.dropped",
        "spec.ref.metadata.nope", "spec.ref.spec.x", "spec.ref.other");
    assertThat(o.getAsJsonObject("spec").getAsJsonObject("free").has("anything")).isTrue();
    assertThat(o.getAsJsonObject("spec").getAsJsonObject("ref").get("kind").getAsString()).isEqualTo("Pod");
  }

  @Test
  void defaultsAbsentFieldsAndReplacesNullsOfNonNullableOnes() {
    JsonObject o = obj("{\"spec\":{\"id\":\"a\",\"tags\":null}}");
    Defaulter.applyToObject(o, SCHEMA);
    assertThat(o.toString()).isEqualTo("{\"spec\":{\"id\":\"a\",\"mode\":\"a\"}}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"spec\":{}}                              | spec.id: Required value",
      "{\"spec\":{\"id\":5}}                      | spec.id: Invalid value: \"integer\": spec.id in body must be of type string: \"integer\"",
      "{\"spec\":{\"id\":\"abcd\"}}               | spec.id: Too long: may not be more than 3 bytes",
      "{\"spec\":{\"id\":\"A\"}}                  | spec.id: Invalid value: \"A\": spec.id in body should match '^[a-z]+$'",
      "{\"spec\":{\"id\":\"a\",\"n\":9}}          | spec.n: Invalid value: 9: spec.n in body should be less than or equal to 5",
      "{\"spec\":{\"id\":\"a\",\"mode\":\"c\"}}   | spec.mode: Unsupported value: \"c\": supported values: \"a\", \"b\"",
      "{\"spec\":{\"id\":\"a\",\"tags\":[\"x\",\"y\",\"z\"]}} | spec.tags: Too many: 3: must have at most 2 items",
      "{\"spec\":{\"id\":\"a\",\"port\":true}}    | spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\""})
  void validatesWithTheApiserversWording(String body, String message) {
    List<FieldError> errors = SchemaValidator.validateObject(obj(body), SCHEMA);
    assertThat(errors).extracting(FieldError::message).containsExactly(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"spec\":{\"nodeName\":5}}                         | json: cannot unmarshal number into Go struct field PodSpec.spec.nodeName of type string",
      "{\"spec\":{\"containers\":{}}}                      | json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container",
      "{\"spec\":{\"containers\":[{\"name\":1}]}}          | json: cannot unmarshal number into Go struct field Container.spec.containers.name of type string",
      "{\"spec\":{\"priority\":1.5}}                       | json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.priority of type int32",
      "{\"metadata\":{\"labels\":{\"a\":true}}}            | json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string"})
  void reportsTheFirstGoDecodingError(String body, String message) {
    assertThat(new GoDecoding(BuiltinResources.models()).firstError(obj(body), "io.k8s.api.core.v1.Pod")).isEqualTo(message);
  }

  private static JsonObject obj(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
