package io.podidentity.kubesim.schema;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;

/**
 * Applies the {@code default}s of a structural schema, after pruning and before validation, as the apiserver
 * does for custom resources: an absent field gets its default, and a null in a field that is not nullable is
 * replaced by the default or, when there is none, dropped.
 */
public final class Defaulter {
  private Defaulter() {}

  /** Defaults the object's fields below the root (apiVersion, kind and metadata are left alone). */
  public static void applyToObject(JsonObject object, Schema root) {
    for (String key : new ArrayList<>(object.keySet())) {
      if (!key.equals("apiVersion") && !key.equals("kind") && !key.equals("metadata")) {
        defaultField(object, key, root);
      }
    }
    for (String key : root.propertyNames()) {
      if (!object.has(key)) {
        defaultField(object, key, root);
      }
    }
  }

  private static void apply(JsonElement value, Schema schema) {
    if (value == null || value.isJsonNull()) {
      return;
    }
    if (value.isJsonArray()) {
      Schema items = schema.items();
      if (items != null) {
        value.getAsJsonArray().forEach(item -> apply(item, items));
      }
      return;
    }
    if (!value.isJsonObject()) {
      return;
    }
    JsonObject object = value.getAsJsonObject();
    Schema values = schema.additionalProperties();
    if (values != null) {
      object.entrySet().forEach(e -> apply(e.getValue(), values));
      return;
    }
    for (String key : new ArrayList<>(object.keySet())) {
      defaultField(object, key, schema);
    }
    for (String key : schema.propertyNames()) {
      if (!object.has(key)) {
        defaultField(object, key, schema);
      }
    }
  }

  private static void defaultField(JsonObject object, String key, Schema parent) {
    Schema property = parent.property(key);
    JsonObject declared = parent.rawProperty(key);
    if (property == null) {
      return;
    }
    JsonElement current = object.get(key);
    JsonElement defaultValue = declared != null && declared.has("default") ? declared.get("default") : null;
    if (current == null) {
      if (defaultValue != null) {
        object.add(key, defaultValue.deepCopy());
        apply(object.get(key), property);
      }
      return;
    }
    if (current.isJsonNull() && !property.nullable()) {
      if (defaultValue != null) {
        object.add(key, defaultValue.deepCopy());
      } else {
        object.remove(key);
      }
      return;
    }
    apply(current, property);
  }
}
