package io.podidentity.common.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code openAPIV3Schema} of each of our CRDs, and a JSON Schema (draft 4, which OpenAPI 3.0 schemas extend)
 * that checks an object the way the API server treats it: {@code nullable} admits null; an embedded resource needs
 * {@code apiVersion} and {@code kind}; and where the server would silently prune a field it does not know, the
 * check refuses it instead, so a misspelt field in a sample cannot go unnoticed.
 */
final class CrdSchemas {
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final Set<String> DROPPED = Set.of("description", "format", "nullable");
  private static final Set<String> NESTED = Set.of("properties", "items", "additionalProperties");

  private CrdSchemas() {}

  /** Kind name to the CRD's {@code openAPIV3Schema}, read from {@code k8s/}. */
  static Map<String, JsonObject> openApiSchemas() {
    Map<String, JsonObject> schemas = new HashMap<>();
    for (K8sManifests.Document crd : K8sManifests.ourCrds()) {
      JsonObject spec = crd.json().getAsJsonObject("spec");
      JsonObject version = spec.getAsJsonArray("versions").get(0).getAsJsonObject();
      schemas.put(spec.getAsJsonObject("names").get("kind").getAsString(),
          version.getAsJsonObject("schema").getAsJsonObject("openAPIV3Schema"));
    }
    return schemas;
  }

  /** The strict validator for objects of {@code kind}. */
  static JsonSchema validator(String kind) {
    return validator(openApiSchemas().get(kind));
  }

  static JsonSchema validator(JsonObject openApiSchema) {
    JsonObject strict = strict(openApiSchema);
    JsonObject required = new JsonObject();
    required.add("required", array("apiVersion", "kind", "metadata"));
    strict.add("allOf", array(required));
    return FACTORY.getSchema(jackson(strict));
  }

  static JsonNode jackson(JsonElement json) {
    try {
      return JACKSON.readTree(json.toString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject strict(JsonObject node) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, JsonElement> entry : node.entrySet()) {
      String key = entry.getKey();
      if (!DROPPED.contains(key) && !NESTED.contains(key) && !key.startsWith("x-kubernetes-")) {
        out.add(key, entry.getValue());
      }
    }
    if (isTrue(node, "nullable")) {
      out.add("type", array(node.get("type").getAsString(), "null"));
    }
    if (node.has("properties")) {
      JsonObject properties = new JsonObject();
      node.getAsJsonObject("properties").entrySet()
          .forEach(e -> properties.add(e.getKey(), strict(e.getValue().getAsJsonObject())));
      out.add("properties", properties);
    }
    if (node.has("items")) {
      out.add("items", strict(node.getAsJsonObject("items")));
    }
    if (node.has("additionalProperties") && node.get("additionalProperties").isJsonObject()) {
      out.add("additionalProperties", strict(node.getAsJsonObject("additionalProperties")));
    } else if (node.has("properties") && !isTrue(node, "x-kubernetes-preserve-unknown-fields")) {
      out.addProperty("additionalProperties", false);
    }
    if (isTrue(node, "x-kubernetes-embedded-resource")) {
      embedded(out);
    }
    return out;
  }

  // The API server requires apiVersion and kind on an embedded resource and allows its metadata.
  private static void embedded(JsonObject out) {
    JsonObject properties = out.has("properties") ? out.getAsJsonObject("properties") : new JsonObject();
    for (String name : new String[] {"apiVersion", "kind"}) {
      if (!properties.has(name)) {
        JsonObject string = new JsonObject();
        string.addProperty("type", "string");
        properties.add(name, string);
      }
    }
    if (!properties.has("metadata")) {
      JsonObject object = new JsonObject();
      object.addProperty("type", "object");
      properties.add("metadata", object);
    }
    out.add("properties", properties);
    out.add("required", array("apiVersion", "kind"));
  }

  static boolean isTrue(JsonObject node, String key) {
    return node.has(key) && node.get(key).isJsonPrimitive() && node.get(key).getAsBoolean();
  }

  private static JsonArray array(Object... values) {
    JsonArray array = new JsonArray();
    for (Object value : values) {
      array.add(value instanceof JsonElement e ? e : new JsonPrimitive(value.toString()));
    }
    return array;
  }
}
