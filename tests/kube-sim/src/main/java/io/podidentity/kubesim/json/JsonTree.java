package io.podidentity.kubesim.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;

/**
 * Navigation in Gson trees by field path, and the one serializer every response goes through. Stored objects are
 * never mutated after they are committed; callers that change an object work on a {@code deepCopy()}.
 */
public final class JsonTree {
  private static final Gson GSON = new GsonBuilder().serializeNulls().create();
  private static final Gson PRETTY = new GsonBuilder().serializeNulls().setPrettyPrinting().create();

  private JsonTree() {}

  public static String write(JsonElement element) {
    return GSON.toJson(element);
  }

  public static String writePretty(JsonElement element) {
    return PRETTY.toJson(element);
  }

  /** The element at a path of object keys, or null when any step is missing or not an object. */
  public static JsonElement at(JsonElement root, String... path) {
    JsonElement current = root;
    for (String key : path) {
      if (current == null || !current.isJsonObject()) {
        return null;
      }
      current = current.getAsJsonObject().get(key);
    }
    return current;
  }

  public static JsonObject object(JsonElement root, String... path) {
    JsonElement e = at(root, path);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  public static String string(JsonElement root, String... path) {
    JsonElement e = at(root, path);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
  }

  /** The string at a path, or "" (how Go reads an absent string field). */
  public static String text(JsonElement root, String... path) {
    String s = string(root, path);
    return s == null ? "" : s;
  }

  /** The child object under key, created when absent or not an object. */
  public static JsonObject child(JsonObject parent, String key) {
    JsonElement e = parent.get(key);
    if (e == null || !e.isJsonObject()) {
      JsonObject created = new JsonObject();
      parent.add(key, created);
      return created;
    }
    return e.getAsJsonObject();
  }

  public static JsonObject of(Map<String, ?> fields) {
    JsonObject o = new JsonObject();
    fields.forEach((k, v) -> o.add(k, toElement(v)));
    return o;
  }

  public static JsonElement toElement(Object v) {
    return switch (v) {
      case null -> com.google.gson.JsonNull.INSTANCE;
      case JsonElement e -> e;
      case String s -> new JsonPrimitive(s);
      case Number n -> new JsonPrimitive(n);
      case Boolean b -> new JsonPrimitive(b);
      default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    };
  }

  /** A JSON array of strings. */
  public static com.google.gson.JsonArray strings(java.util.Collection<String> values) {
    com.google.gson.JsonArray a = new com.google.gson.JsonArray();
    values.forEach(a::add);
    return a;
  }

  public static com.google.gson.JsonArray strings(String... values) {
    return strings(java.util.List.of(values));
  }

  public static boolean isString(JsonElement e) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
  }
}
