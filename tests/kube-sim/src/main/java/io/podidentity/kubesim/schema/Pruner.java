package io.podidentity.kubesim.schema;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops the fields a schema does not declare, as structural pruning does for custom resources and as decoding
 * into Go structs does for built-in kinds, and reports each dropped path ({@code spec.foo},
 * {@code spec.items[0].bar}) for field validation. {@code x-kubernetes-preserve-unknown-fields} keeps a subtree,
 * an empty schema (a RawExtension) keeps everything, and an embedded resource keeps apiVersion, kind and metadata.
 */
public final class Pruner {
  private static final Set<String> RESOURCE_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private Pruner() {}

  /**
   * Prunes a whole object in place. The root keeps apiVersion and kind; metadata is pruned against ObjectMeta.
   *
   * @return the pruned paths, in document order
   */
  public static List<String> pruneObject(JsonObject object, Schema root, Schema objectMeta) {
    List<String> pruned = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonElement>> it = object.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonElement> e = it.next();
      String key = e.getKey();
      if (key.equals("apiVersion") || key.equals("kind")) {
        continue;
      }
      if (key.equals("metadata")) {
        if (e.getValue().isJsonObject()) {
          prune(e.getValue(), objectMeta, "metadata", pruned);
        }
        continue;
      }
      Schema child = root.property(key);
      if (child == null && !root.preservesUnknownFields()) {
        pruned.add(key);
        it.remove();
      } else if (child != null) {
        prune(e.getValue(), child, key, pruned);
      }
    }
    return pruned;
  }

  private static void prune(JsonElement value, Schema schema, String path, List<String> pruned) {
    if (value == null || value.isJsonNull() || schema.isAny()) {
      return;
    }
    if (value.isJsonArray()) {
      Schema items = schema.items();
      JsonArray array = value.getAsJsonArray();
      for (int i = 0; items != null && i < array.size(); i++) {
        prune(array.get(i), items, path + "[" + i + "]", pruned);
      }
      return;
    }
    if (value.isJsonObject()) {
      pruneFields(value.getAsJsonObject(), schema, path, pruned);
    }
  }

  private static void pruneFields(JsonObject object, Schema schema, String path, List<String> pruned) {
    Schema values = schema.additionalProperties();
    if (values != null) {
      object.entrySet().forEach(e -> prune(e.getValue(), values, path + "." + e.getKey(), pruned));
      return;
    }
    if (schema.has("additionalProperties") && !schema.hasProperties()) {
      return;
    }
    boolean embedded = schema.embeddedResource();
    boolean preserve = schema.preservesUnknownFields();
    for (Iterator<Map.Entry<String, JsonElement>> it = object.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonElement> e = it.next();
      String key = e.getKey();
      Schema child = schema.property(key);
      if (child != null) {
        prune(e.getValue(), child, path + "." + key, pruned);
      } else if (!preserve && !(embedded && RESOURCE_FIELDS.contains(key))) {
        pruned.add(path + "." + key);
        it.remove();
      }
    }
  }
}
