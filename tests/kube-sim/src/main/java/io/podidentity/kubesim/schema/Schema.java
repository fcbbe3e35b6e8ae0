package io.podidentity.kubesim.schema;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node of an OpenAPI v3 schema, held as the JSON it is published as, with {@code $ref} and single-element
 * {@code allOf} resolved through the components it belongs to. Built-in kinds and CRDs are both described this
 * way, so pruning, validation, defaulting, strategic merge and the OpenAPI documents share one representation.
 */
public record Schema(JsonObject node, Map<String, JsonObject> components) {
  private static final String REF_PREFIX = "#/components/schemas/";

  /** The node with references followed; a missing reference resolves to the empty (any) schema. */
  public Schema resolved() {
    JsonObject n = node;
    for (int depth = 0; depth < 8; depth++) {
      JsonArray allOf = n.has("allOf") && n.get("allOf").isJsonArray() ? n.getAsJsonArray("allOf") : null;
      if (allOf != null && allOf.size() == 1 && !n.has("properties") && !n.has("type")) {
        n = allOf.get(0).getAsJsonObject();
        continue;
      }
      String ref = JsonTree.string(n, "$ref");
      if (ref == null) {
        break;
      }
      n = components.getOrDefault(ref.startsWith(REF_PREFIX) ? ref.substring(REF_PREFIX.length()) : ref, new JsonObject());
    }
    return n == node ? this : new Schema(n, components);
  }

  /** The component a reference names, or null. */
  public String refName() {
    String ref = JsonTree.string(node, "$ref");
    if (ref == null && node.has("allOf") && node.getAsJsonArray("allOf").size() == 1) {
      ref = JsonTree.string(node.getAsJsonArray("allOf").get(0), "$ref");
    }
    return ref != null && ref.startsWith(REF_PREFIX) ? ref.substring(REF_PREFIX.length()) : null;
  }

  public String type() {
    return JsonTree.string(node, "type");
  }

  public String format() {
    return JsonTree.string(node, "format");
  }

  public boolean has(String keyword) {
    return node.has(keyword);
  }

  public JsonElement get(String keyword) {
    return node.get(keyword);
  }

  /** The schema of a declared property, resolved, or null when the property is not declared. */
  public Schema property(String name) {
    JsonObject props = JsonTree.object(node, "properties");
    JsonObject p = props == null ? null : JsonTree.object(props, name);
    return p == null ? null : new Schema(p, components).resolved();
  }

  /** The declared property schema before resolution (its extensions carry patch metadata). */
  public JsonObject rawProperty(String name) {
    JsonObject props = JsonTree.object(node, "properties");
    return props == null ? null : JsonTree.object(props, name);
  }

  public boolean hasProperties() {
    JsonObject props = JsonTree.object(node, "properties");
    return props != null && !props.isEmpty();
  }

  public List<String> propertyNames() {
    JsonObject props = JsonTree.object(node, "properties");
    return props == null ? List.of() : new ArrayList<>(props.keySet());
  }

  /** The schema of map values when {@code additionalProperties} is a schema, else null. */
  public Schema additionalProperties() {
    JsonElement ap = node.get("additionalProperties");
    return ap != null && ap.isJsonObject() ? new Schema(ap.getAsJsonObject(), components).resolved() : null;
  }

  public Schema items() {
    JsonElement items = node.get("items");
    return items != null && items.isJsonObject() ? new Schema(items.getAsJsonObject(), components).resolved() : null;
  }

  public List<String> required() {
    List<String> out = new ArrayList<>();
    JsonElement r = node.get("required");
    if (r != null && r.isJsonArray()) {
      r.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
    }
    return out;
  }

  public boolean flag(String keyword) {
    JsonElement e = node.get(keyword);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
  }

  public boolean nullable() {
    return flag("nullable");
  }

  public boolean preservesUnknownFields() {
    return flag("x-kubernetes-preserve-unknown-fields");
  }

  public boolean embeddedResource() {
    return flag("x-kubernetes-embedded-resource");
  }

  public boolean intOrString() {
    return flag("x-kubernetes-int-or-string");
  }

  /** Whether the node says nothing about the value's shape (a RawExtension or an interface{} field). */
  public boolean isAny() {
    return type() == null && !hasProperties() && !node.has("additionalProperties") && !node.has("items")
        && !intOrString() && !node.has("oneOf") && !node.has("anyOf");
  }

  public Schema child(JsonObject n) {
    return new Schema(n, components).resolved();
  }
}
