package io.podidentity.kubesim.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accessors for the {@code metadata} of an object held as JSON, reading absent fields as Go's zero values. */
public final class Meta {
  private Meta() {}

  public static JsonObject of(JsonObject obj) {
    return JsonTree.child(obj, "metadata");
  }

  public static String name(JsonObject obj) {
    return JsonTree.text(obj, "metadata", "name");
  }

  public static String namespace(JsonObject obj) {
    return JsonTree.text(obj, "metadata", "namespace");
  }

  public static String uid(JsonObject obj) {
    return JsonTree.text(obj, "metadata", "uid");
  }

  public static String resourceVersion(JsonObject obj) {
    return JsonTree.text(obj, "metadata", "resourceVersion");
  }

  public static String deletionTimestamp(JsonObject obj) {
    return JsonTree.string(obj, "metadata", "deletionTimestamp");
  }

  public static boolean isDeleting(JsonObject obj) {
    return deletionTimestamp(obj) != null;
  }

  public static void set(JsonObject obj, String field, String value) {
    JsonObject meta = of(obj);
    if (value == null) {
      meta.remove(field);
    } else {
      meta.addProperty(field, value);
    }
  }

  public static Map<String, String> labels(JsonObject obj) {
    return stringMap(JsonTree.object(obj, "metadata", "labels"));
  }

  public static Map<String, String> annotations(JsonObject obj) {
    return stringMap(JsonTree.object(obj, "metadata", "annotations"));
  }

  public static List<String> finalizers(JsonObject obj) {
    JsonElement e = JsonTree.at(obj, "metadata", "finalizers");
    List<String> out = new ArrayList<>();
    if (e != null && e.isJsonArray()) {
      for (JsonElement f : e.getAsJsonArray()) {
        if (JsonTree.isString(f)) {
          out.add(f.getAsString());
        }
      }
    }
    return out;
  }

  public static void setFinalizers(JsonObject obj, List<String> finalizers) {
    if (finalizers.isEmpty()) {
      of(obj).remove("finalizers");
      return;
    }
    JsonArray array = new JsonArray();
    finalizers.forEach(array::add);
    of(obj).add("finalizers", array);
  }

  public static long generation(JsonObject obj) {
    JsonElement e = JsonTree.at(obj, "metadata", "generation");
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsLong() : 0;
  }

  public static void setGeneration(JsonObject obj, long generation) {
    of(obj).add("generation", new JsonPrimitive(generation));
  }

  private static Map<String, String> stringMap(JsonObject o) {
    Map<String, String> out = new LinkedHashMap<>();
    if (o != null) {
      o.entrySet().forEach(e -> out.put(e.getKey(), JsonTree.isString(e.getValue()) ? e.getValue().getAsString() : ""));
    }
    return out;
  }

  /** The metadata keys in the order the apiserver writes them; unknown keys keep their place after these. */
  private static final List<String> ORDER =
      List.of("name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
          "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
          "ownerReferences", "finalizers", "managedFields");

  /** A copy of obj with kind, apiVersion and metadata first and metadata's fields in the apiserver's order. */
  public static JsonObject canonical(JsonObject obj) {
    JsonObject out = new JsonObject();
    for (String key : List.of("kind", "apiVersion")) {
      if (obj.has(key)) {
        out.add(key, obj.get(key));
      }
    }
    JsonObject meta = JsonTree.object(obj, "metadata");
    if (meta != null) {
      JsonObject orderedMeta = new JsonObject();
      ORDER.stream().filter(meta::has).forEach(k -> orderedMeta.add(k, meta.get(k)));
      meta.entrySet().forEach(e -> orderedMeta.add(e.getKey(), e.getValue()));
      out.add("metadata", orderedMeta);
    }
    obj.entrySet().forEach(e -> {
      if (!out.has(e.getKey())) {
        out.add(e.getKey(), e.getValue());
      }
    });
    return out;
  }
}
