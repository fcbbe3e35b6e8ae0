package io.podidentity.kubesim.registry.kinds;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.json.JsonTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The structural-schema rules a v1 CRD's schema must follow, as far as pruning and validation depend on them:
 * every specified field has a type (unless it preserves unknown fields or is int-or-string) and the root is an
 * object.
 */
final class StructuralSchemaRules {
  private StructuralSchemaRules() {}

  static List<FieldError> check(JsonObject schema, String path, boolean root) {
    List<FieldError> errs = new ArrayList<>();
    String type = JsonTree.string(schema, "type");
    boolean typeExempt = flag(schema, "x-kubernetes-int-or-string") || flag(schema, "x-kubernetes-preserve-unknown-fields");
    if (root && !"object".equals(type)) {
      errs.add(type == null
          ? FieldError.required(path + ".type", "must not be empty at the root")
          : FieldError.invalid(path + ".type", type, "must be object at the root"));
    } else if (!root && type == null && !typeExempt) {
      errs.add(FieldError.required(path + ".type", "must not be empty for specified object fields"));
    }
    JsonObject properties = JsonTree.object(schema, "properties");
    if (properties != null) {
      for (Map.Entry<String, JsonElement> e : properties.entrySet()) {
        if (e.getValue().isJsonObject()) {
          errs.addAll(check(e.getValue().getAsJsonObject(), path + ".properties[" + e.getKey() + "]", false));
        }
      }
    }
    JsonObject items = JsonTree.object(schema, "items");
    if (items != null) {
      errs.addAll(check(items, path + ".items", false));
    }
    JsonObject additional = JsonTree.object(schema, "additionalProperties");
    if (additional != null) {
      errs.addAll(check(additional, path + ".additionalProperties", false));
    }
    return errs;
  }

  private static boolean flag(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
  }
}
