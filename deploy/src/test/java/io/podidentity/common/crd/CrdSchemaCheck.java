package io.podidentity.common.crd;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;

/**
 * Opens common's test-only CRD schema validation ({@link CrdSchemas}) and YAML-to-JSON conversion
 * ({@link K8sManifests#toJson}) to the deployment tests, so rendered objects are judged by exactly the rules the
 * samples are. Lives in common's package because those classes are package-private.
 */
public final class CrdSchemaCheck {
  private CrdSchemaCheck() {}

  /** The kinds our CRDs define. */
  public static java.util.Set<String> kinds() {
    return CrdSchemas.openApiSchemas().keySet();
  }

  /** What the strict schema of {@code kind} finds wrong with {@code object}; empty when it is valid. */
  public static List<String> problems(String kind, JsonObject object) {
    return CrdSchemas.validator(kind).validate(CrdSchemas.jackson(object)).stream()
        .map(ValidationMessage::getMessage)
        .toList();
  }

  /** The CRD definitions under {@code k8s/crds}, by kind. */
  public static Map<String, JsonObject> definitions() {
    return K8sManifests.ourCrds().stream().collect(java.util.stream.Collectors.toMap(
        d -> d.json().getAsJsonObject("spec").getAsJsonObject("names").get("kind").getAsString(),
        K8sManifests.Document::json));
  }

  /** A YAML value as the API server reads it. */
  public static JsonElement toJson(Object yaml) {
    return K8sManifests.toJson(yaml);
  }
}
