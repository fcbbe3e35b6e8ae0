package io.podidentity.kubesim.patch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch for built-in kinds, driven by the schema's {@code x-kubernetes-patch-strategy} and
 * {@code x-kubernetes-patch-merge-key}: maps merge, keyed lists (containers, env, conditions) merge by key,
 * scalar lists with the merge strategy (finalizers) merge as sets, other lists are replaced. It honours the
 * directives kubectl sends: {@code $patch: replace|delete}, {@code $setElementOrder/<list>},
 * {@code $deleteFromPrimitiveList/<list>} and {@code $retainKeys}.
 */
public final class StrategicMergePatch {
  private static final String PATCH = "$patch";
  private static final String ORDER = "$setElementOrder/";
  private static final String DELETE_PRIMITIVES = "$deleteFromPrimitiveList/";
  private static final String RETAIN_KEYS = "$retainKeys";

  private StrategicMergePatch() {}

  /** The patched object; the original is not changed. */
  public static JsonObject apply(JsonObject original, JsonObject patch, Schema schema) throws PatchException {
    JsonElement result = mergeMap(original.deepCopy(), patch, schema);
    return result == null ? new JsonObject() : result.getAsJsonObject();
  }

  private static JsonElement mergeMap(JsonObject target, JsonObject patch, Schema schema) throws PatchException {
    String directive = JsonTree.string(patch, PATCH);
    if ("delete".equals(directive)) {
      return null;
    }
    if ("replace".equals(directive)) {
      JsonObject replaced = patch.deepCopy();
      replaced.remove(PATCH);
      return replaced;
    }
    if (directive != null) {
      throw new PatchException("Unknown patch type: " + directive + " in map: " + patch, true);
    }
    for (Map.Entry<String, JsonElement> e : patch.entrySet()) {
      String key = e.getKey();
      if (key.equals(RETAIN_KEYS) || key.startsWith(ORDER) || key.startsWith(DELETE_PRIMITIVES)) {
        continue;
      }
      JsonElement value = e.getValue();
      if (value.isJsonNull()) {
        target.remove(key);
        continue;
      }
      Schema child = childSchema(schema, key);
      JsonElement merged = mergeValue(target.get(key), value, child, tag(schema, key), patch, key);
      if (merged == null) {
        target.remove(key);
      } else {
        target.add(key, merged);
      }
    }
    deleteFromPrimitiveLists(target, patch);
    reorderUnpatchedLists(target, patch, schema);
    retainKeys(target, patch);
    return target;
  }

  /** Applies {@code $setElementOrder/<list>} to lists the patch orders without changing them. */
  private static void reorderUnpatchedLists(JsonObject target, JsonObject patch, Schema schema) {
    for (Map.Entry<String, JsonElement> e : patch.entrySet()) {
      if (!e.getKey().startsWith(ORDER) || !e.getValue().isJsonArray()) {
        continue;
      }
      String list = e.getKey().substring(ORDER.length());
      JsonElement current = target.get(list);
      if (!patch.has(list) && current != null && current.isJsonArray()) {
        target.add(list, reorder(current.getAsJsonArray(), e.getValue().getAsJsonArray(), tag(schema, list).key()));
      }
    }
  }

  private static JsonElement mergeValue(JsonElement current, JsonElement value, Schema schema, Tag tag, JsonObject parent,
      String key) throws PatchException {
    if (value.isJsonObject()) {
      JsonObject base = current != null && current.isJsonObject() ? current.getAsJsonObject() : new JsonObject();
      return mergeMap(base, value.getAsJsonObject(), schema);
    }
    if (value.isJsonArray() && tag.merge()) {
      JsonArray base = current != null && current.isJsonArray() ? current.getAsJsonArray() : new JsonArray();
      JsonArray merged = tag.key().isEmpty()
          ? mergePrimitives(base, value.getAsJsonArray())
          : mergeKeyed(base, value.getAsJsonArray(), tag.key(), schema == null ? null : schema.items());
      JsonElement order = parent.get(ORDER + key);
      return order != null && order.isJsonArray() ? reorder(merged, order.getAsJsonArray(), tag.key()) : merged;
    }
    return value.deepCopy();
  }

  private static JsonArray mergeKeyed(JsonArray base, JsonArray patch, String mergeKey, Schema items)
      throws PatchException {
    List<JsonElement> result = new ArrayList<>(base.asList());
    for (JsonElement p : patch) {
      if (!p.isJsonObject()) {
        throw new PatchException("merging an object in json but data type is not map, got " + p, true);
      }
      JsonObject element = p.getAsJsonObject();
      String directive = JsonTree.string(element, PATCH);
      if ("replace".equals(directive)) {
        JsonArray replaced = new JsonArray();
        patch.forEach(x -> {
          if (!"replace".equals(JsonTree.string(x, PATCH))) {
            replaced.add(x.deepCopy());
          }
        });
        return replaced;
      }
      JsonElement keyValue = element.get(mergeKey);
      int at = indexOf(result, mergeKey, keyValue);
      if ("delete".equals(directive)) {
        if (at >= 0) {
          result.remove(at);
        }
      } else if (at >= 0) {
        result.set(at, mergeMap(result.get(at).getAsJsonObject().deepCopy(), element, items));
      } else {
        JsonElement added = mergeMap(new JsonObject(), element, items);
        if (added != null) {
          result.add(added);
        }
      }
    }
    JsonArray out = new JsonArray();
    result.forEach(out::add);
    return out;
  }

  private static JsonArray mergePrimitives(JsonArray base, JsonArray patch) {
    Set<JsonElement> values = new LinkedHashSet<>(base.asList());
    patch.forEach(values::add);
    JsonArray out = new JsonArray();
    values.forEach(out::add);
    return out;
  }

  private static JsonArray reorder(JsonArray merged, JsonArray order, String mergeKey) {
    List<JsonElement> remaining = new ArrayList<>(merged.asList());
    JsonArray out = new JsonArray();
    for (JsonElement o : order) {
      JsonElement key = mergeKey.isEmpty() ? o : JsonTree.at(o, mergeKey);
      int at = mergeKey.isEmpty() ? remaining.indexOf(key) : indexOf(remaining, mergeKey, key);
      if (at >= 0) {
        out.add(remaining.remove(at));
      }
    }
    remaining.forEach(out::add);
    return out;
  }

  private static void deleteFromPrimitiveLists(JsonObject target, JsonObject patch) {
    for (Map.Entry<String, JsonElement> e : patch.entrySet()) {
      if (e.getKey().startsWith(DELETE_PRIMITIVES) && e.getValue().isJsonArray()) {
        String list = e.getKey().substring(DELETE_PRIMITIVES.length());
        JsonElement current = target.get(list);
        if (current != null && current.isJsonArray()) {
          e.getValue().getAsJsonArray().forEach(v -> current.getAsJsonArray().remove(v));
        }
      }
    }
  }

  private static void retainKeys(JsonObject target, JsonObject patch) {
    JsonElement keys = patch.get(RETAIN_KEYS);
    if (keys != null && keys.isJsonArray()) {
      Set<String> keep = new LinkedHashSet<>();
      keys.getAsJsonArray().forEach(k -> keep.add(k.getAsString()));
      target.keySet().removeIf(k -> !keep.contains(k));
    }
  }

  private static int indexOf(List<JsonElement> list, String mergeKey, JsonElement keyValue) {
    for (int i = 0; i < list.size(); i++) {
      JsonElement candidate = JsonTree.at(list.get(i), mergeKey);
      if (candidate != null && candidate.equals(keyValue)) {
        return i;
      }
    }
    return -1;
  }

  /** A list's patch strategy as the schema declares it. */
  private record Tag(boolean merge, String key) {
    static final Tag REPLACE = new Tag(false, "");
  }

  private static Tag tag(Schema schema, String key) {
    JsonObject declared = schema == null ? null : schema.rawProperty(key);
    String strategy = declared == null ? null : JsonTree.string(declared, "x-kubernetes-patch-strategy");
    if (strategy == null || !strategy.contains("merge")) {
      return Tag.REPLACE;
    }
    return new Tag(true, JsonTree.text(declared, "x-kubernetes-patch-merge-key"));
  }

  private static Schema childSchema(Schema schema, String key) {
    if (schema == null) {
      return null;
    }
    Schema property = schema.property(key);
    return property != null ? property : schema.additionalProperties();
  }
}
