package io.podidentity.azuresim.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The one Gson configuration of the simulator: compact output, nulls kept (ARM uses explicit nulls in PATCH). */
public final class Json {
  private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private Json() {}

  public static String write(JsonElement element) {
    return GSON.toJson(element);
  }

  public static JsonElement parse(String text) {
    return JsonParser.parseString(text);
  }

  /** Parses text expected to hold a JSON object; empty when it is not valid JSON or not an object. */
  public static Optional<JsonObject> parseObject(String text) {
    try {
      JsonElement element = JsonParser.parseString(text);
      return element.isJsonObject() ? Optional.of(element.getAsJsonObject()) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  public static JsonObject object(Map<String, ?> fields) {
    JsonObject object = new JsonObject();
    fields.forEach((k, v) -> object.add(k, element(v)));
    return object;
  }

  public static JsonArray array(Collection<?> items) {
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(element(item)));
    return array;
  }

  /** Converts strings, numbers, booleans, maps, collections and JSON elements; null becomes JSON null. */
  public static JsonElement element(Object value) {
    if (value == null) {
      return com.google.gson.JsonNull.INSTANCE;
    } else if (value instanceof JsonElement e) {
      return e;
    } else if (value instanceof String s) {
      return new JsonPrimitive(s);
    } else if (value instanceof Number n) {
      return new JsonPrimitive(n);
    } else if (value instanceof Boolean b) {
      return new JsonPrimitive(b);
    } else if (value instanceof Map<?, ?> m) {
      JsonObject object = new JsonObject();
      m.forEach((k, v) -> object.add(String.valueOf(k), element(v)));
      return object;
    } else if (value instanceof Collection<?> c) {
      return array(c);
    }
    return new JsonPrimitive(String.valueOf(value));
  }

  /** A string member, or empty when absent, null or not a primitive. */
  public static Optional<String> string(JsonObject object, String member) {
    JsonElement e = object == null ? null : object.get(member);
    return e == null || !e.isJsonPrimitive() ? Optional.empty() : Optional.of(e.getAsString());
  }
}
