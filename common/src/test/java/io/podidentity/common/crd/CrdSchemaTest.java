package io.podidentity.common.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The manifests under {@code k8s/} against our CRDs' schemas, and the schemas against the structural rules. */
class CrdSchemaTest {
  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec", "status");

  static Stream<K8sManifests.Document> ourObjects() {
    return K8sManifests.ourObjects().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ourObjects")
  void everyObjectOfOurKindsValidatesAgainstItsCrd(K8sManifests.Document document) {
    assertThat(document.apiVersion()).isEqualTo(CrdNames.API_VERSION);

    assertThat(validate(document.kind(), document.json())).isEmpty();
  }

  @Test
  void samplesCoverEveryKind() {
    assertThat(K8sManifests.ourObjects().stream().map(K8sManifests.Document::kind).distinct())
        .containsExactlyInAnyOrder(
            "AzureIdentity", "AzureIdentityBinding", "AzureAssignedIdentity", "AzurePodIdentityException");
  }

  static Stream<Arguments> brokenObjects() {
    return Stream.of(
        broken("a misspelt field", o -> spec(o).addProperty("clientId", "x")),
        broken("a string where an integer belongs", o -> spec(o).addProperty("type", "0")),
        broken("a null that is not nullable", o -> spec(o).add("clientID", JsonNull.INSTANCE)),
        broken("an unknown top-level field", o -> o.addProperty("data", "x")),
        broken("a number label value in an exception", o -> spec(o).add("podLabels", json("{\"app\": 1}"))),
        broken("an embedded identity without kind",
            o -> spec(o).add("azureIdentityRef", json("{\"apiVersion\": \"aadpodidentity.k8s.io/v1\"}"))),
        broken("an embedded binding with an unknown spec field", o -> spec(o).add("azureBindingRef",
            json("{\"apiVersion\": \"v\", \"kind\": \"k\", \"spec\": {\"Selector\": \"x\"}}"))),
        broken("no metadata", o -> o.remove("metadata")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenObjects")
  void refusesWhatTheApiServerWouldRefuseOrPrune(String what, Consumer<JsonObject> breakIt) {
    for (String kind : CrdSchemas.openApiSchemas().keySet()) {
      JsonObject object = minimal(kind);
      assertThat(validate(kind, object)).as("unbroken %s", kind).isEmpty();

      breakIt.accept(object);

      assertThat(validate(kind, object)).as("%s with %s", kind, what).isNotEmpty();
    }
  }

  private static JsonObject minimal(String kind) {
    return json("{\"apiVersion\": \"aadpodidentity.k8s.io/v1\", \"kind\": \"" + kind + "\","
        + " \"metadata\": {\"name\": \"x\"}, \"spec\": {}}");
  }

  @Test
  void acceptsNullWhereTheOriginalIsNullable() {
    JsonObject identity = json("""
        {"apiVersion": "aadpodidentity.k8s.io/v1", "kind": "AzureIdentity", "metadata": {"name": "x"},
         "spec": {"replicas": null, "auxiliaryTenantIDs": null, "metadata": {"creationTimestamp": null}}}""");
    JsonObject assigned = json("""
        {"apiVersion": "aadpodidentity.k8s.io/v1", "kind": "AzureAssignedIdentity", "metadata": {"name": "x"},
         "spec": {"replicas": null, "azureIdentityRef": {"apiVersion": "a", "kind": "AzureIdentity",
                  "spec": {"replicas": null}}}}""");

    assertThat(validate("AzureIdentity", identity)).isEmpty();
    assertThat(validate("AzureAssignedIdentity", assigned)).isEmpty();
  }

  static Stream<Map.Entry<String, JsonObject>> schemas() {
    return CrdSchemas.openApiSchemas().entrySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void schemaIsStructural(Map.Entry<String, JsonObject> schema) {
    JsonObject root = schema.getValue();
    List<String> violations = new ArrayList<>();
    structural(root, "", false, violations);

    assertThat(violations).isEmpty();
    assertThat(root.get("type").getAsString()).isEqualTo("object");
    assertThat(root.getAsJsonObject("properties").keySet()).isSubsetOf(ROOT_FIELDS);
    assertThat(root.getAsJsonObject("properties").getAsJsonObject("metadata").keySet())
        .as("root metadata may only restrict name and generateName").containsOnly("type");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void everySpecAndStatusCarriesTheUnusedMetadataObject(Map.Entry<String, JsonObject> schema) {
    JsonObject properties = schema.getValue().getAsJsonObject("properties");
    for (String section : List.of("spec", "status")) {
      JsonObject metadata = properties.getAsJsonObject(section).getAsJsonObject("properties")
          .getAsJsonObject("metadata");
      assertThat(metadata.get("type").getAsString()).as(section).isEqualTo("object");
    }
  }

  // Kubernetes' structural-schema rules that a JSON Schema validator does not check.
  private static void structural(JsonObject node, String path, boolean preserved, List<String> violations) {
    boolean preserves = preserved || CrdSchemas.isTrue(node, "x-kubernetes-preserve-unknown-fields");
    if (!node.has("type") && !preserves) {
      violations.add(path + ": no type");
    }
    if (node.has("properties") && node.has("additionalProperties")) {
      violations.add(path + ": both properties and additionalProperties");
    }
    if (CrdSchemas.isTrue(node, "x-kubernetes-embedded-resource") && !"object".equals(text(node, "type"))) {
      violations.add(path + ": embedded resource that is not an object");
    }
    if (CrdSchemas.isTrue(node, "nullable") && !node.has("type")) {
      violations.add(path + ": nullable without type");
    }
    for (String forbidden : List.of("$ref", "definitions", "dependencies", "patternProperties", "additionalItems")) {
      if (node.has(forbidden)) {
        violations.add(path + ": uses " + forbidden);
      }
    }
    if (node.has("properties")) {
      node.getAsJsonObject("properties").entrySet().forEach(e ->
          structural(e.getValue().getAsJsonObject(), path + "." + e.getKey(), preserves, violations));
    }
    if (node.has("items")) {
      structural(node.getAsJsonObject("items"), path + "[]", preserves, violations);
    }
    if (node.has("additionalProperties") && node.get("additionalProperties").isJsonObject()) {
      structural(node.getAsJsonObject("additionalProperties"), path + "{}", preserves, violations);
    }
  }

  private static List<String> validate(String kind, JsonObject object) {
    Set<ValidationMessage> messages = CrdSchemas.validator(kind).validate(CrdSchemas.jackson(object));
    return messages.stream().map(ValidationMessage::getMessage).toList();
  }

  private static JsonObject spec(JsonObject object) {
    return object.getAsJsonObject("spec");
  }

  private static String text(JsonObject node, String key) {
    JsonElement value = node.get(key);
    return value == null ? null : value.getAsString();
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static Arguments broken(String what, Consumer<JsonObject> breakIt) {
    return Arguments.of(what, breakIt);
  }
}
