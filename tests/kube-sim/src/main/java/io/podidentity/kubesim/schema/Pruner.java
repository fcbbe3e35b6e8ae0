package io.podidentity.kubesim.schema;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Drops the fields a schema does not declare, as structural pruning does for custom resources and as decoding
 * into Go structs does for built-in kinds, and reports each dropped path ({@code spec.foo},
 * {@code spec.items[0].bar}) for field validation. {@code x-kubernetes-preserve-unknown-fields} keeps a subtree,
 * an empty schema (a RawExtension) keeps everything, and an embedded resource keeps apiVersion, kind and metadata.
 */
public final class Pruner {
  private final Schema objectMeta;
  private final List<String> pruned = new ArrayList<>();

  private Pruner(Schema objectMeta) {
    this.objectMeta = objectMeta;
  }

  /**
   * Prunes a whole object in place. The root keeps apiVersion and kind; metadata is pruned against ObjectMeta.
   *
   * @return the pruned paths, in document order
   */
  public static List<String> pruneObject(JsonObject object, Schema root, Schema objectMeta) {
    Pruner pruner = new Pruner(objectMeta);
    pruner.pruneFields(object, root, "", true);
    return pruner.pruned;
  }

  private void prune(JsonElement value, Schema schema, String path) {
    if (value == null || value.isJsonNull() || schema.isAny()) {
      return;
    }
    if (value.isJsonArray()) {
      Schema items = schema.items();
      JsonArray array = value.getAsJsonArray();
      for (int i = 0; items != null && i < array.size(); i++) {
        prune(array.get(i), items, path + "[" + i + "]");
      }
      return;
    }
    if (value.isJsonObject()) {
      pruneFields(value.getAsJsonObject(), schema, path, false);
    }
  }

  /**
   * Prunes an object's fields. A resource (the root, or an embedded resource) keeps apiVersion and kind as they
   * are and has its metadata pruned against ObjectMeta instead of its declared schema.
   */
  private void pruneFields(JsonObject object, Schema schema, String path, boolean resource) {
    Schema values = schema.additionalProperties();
    if (values != null) {
      object.entrySet().forEach(e -> prune(e.getValue(), values, child(path, e.getKey())));
      return;
    }
    if (schema.has("additionalProperties") && !schema.hasProperties()) {
      return;
    }
    boolean embedded = resource || schema.embeddedResource();
    boolean preserve = schema.preservesUnknownFields();
    for (Iterator<Map.Entry<String, JsonElement>> it = object.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonElement> e = it.next();
      String key = e.getKey();
      if (embedded && (key.equals("apiVersion") || key.equals("kind"))) {
        continue;
      }
      if (embedded && key.equals("metadata")) {
        if (e.getValue().isJsonObject()) {
          prune(e.getValue(), objectMeta, child(path, key));
        }
        continue;
      }
      Schema child = schema.property(key);
      if (child != null) {
        prune(e.getValue(), child, child(path, key));
      } else if (!preserve) {
        pruned.add(child(path, key));
        it.remove();
      }
    }
  }

  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
