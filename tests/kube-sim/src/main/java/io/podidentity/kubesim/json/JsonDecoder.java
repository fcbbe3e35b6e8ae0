package io.podidentity.kubesim.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses request bodies the way the apiserver's Go decoder sees them: syntax errors carry Go's wording (clients
 * and tests compare those messages), numbers keep their written form, and duplicate keys are reported as the
 * strict decoder does ({@code duplicate field "spec.x"}) while the last value wins.
 */
public final class JsonDecoder {
  private final JsonCursor in;
  private final List<String> duplicates = new ArrayList<>();

  private JsonDecoder(String text) {
    this.in = new JsonCursor(text);
  }

  /** A parsed document and the paths of the keys that occurred more than once. */
  public record Parsed(JsonElement value, List<String> duplicateFields) {
    public Parsed {
      duplicateFields = List.copyOf(duplicateFields);
    }
  }

  public static Parsed parse(String text) throws JsonSyntaxError {
    JsonDecoder decoder = new JsonDecoder(text);
    decoder.in.skipSpace();
    JsonElement value = decoder.value("");
    decoder.in.skipSpace();
    if (!decoder.in.atEnd()) {
      throw decoder.in.invalid("after top-level value");
    }
    return new Parsed(value, decoder.duplicates);
  }

  /** Parses text that must be a JSON object. */
  public static JsonObject parseObject(String text) throws JsonSyntaxError {
    JsonElement value = parse(text).value();
    if (!value.isJsonObject()) {
      throw new JsonSyntaxError("json: cannot unmarshal " + GoTypes.jsonTypeName(value)
          + " into Go value of type map[string]interface {}");
    }
    return value.getAsJsonObject();
  }

  private JsonElement value(String path) throws JsonSyntaxError {
    if (in.atEnd()) {
      throw JsonCursor.eof();
    }
    char c = in.current();
    return switch (c) {
      case '{' -> object(path);
      case '[' -> array(path);
      case '"' -> new JsonPrimitive(in.string());
      case 't' -> in.literal("true", new JsonPrimitive(true));
      case 'f' -> in.literal("false", new JsonPrimitive(false));
      case 'n' -> in.literal("null", JsonNull.INSTANCE);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield in.number();
        }
        throw in.invalid("looking for beginning of value");
      }
    };
  }

  private JsonObject object(String path) throws JsonSyntaxError {
    in.advance();
    JsonObject result = new JsonObject();
    in.skipSpace();
    if (in.current() == '}') {
      in.advance();
      return result;
    }
    while (true) {
      in.skipSpace();
      expectNotEnd();
      if (in.current() != '"') {
        throw in.invalid("looking for beginning of object key string");
      }
      String key = in.string();
      in.skipSpace();
      expectNotEnd();
      if (in.current() != ':') {
        throw in.invalid("after object key");
      }
      in.advance();
      in.skipSpace();
      String childPath = path.isEmpty() ? key : path + "." + key;
      JsonElement child = value(childPath);
      if (result.has(key)) {
        duplicates.add(childPath);
      }
      result.add(key, child);
      if (endOfContainer('}', "after object key:value pair")) {
        return result;
      }
    }
  }

  private JsonArray array(String path) throws JsonSyntaxError {
    in.advance();
    JsonArray result = new JsonArray();
    in.skipSpace();
    if (in.current() == ']') {
      in.advance();
      return result;
    }
    while (true) {
      in.skipSpace();
      result.add(value(path + "[" + result.size() + "]"));
      if (endOfContainer(']', "after array element")) {
        return result;
      }
    }
  }

  /** Consumes the separator after a member: true at the closing character, false after a comma. */
  private boolean endOfContainer(char close, String context) throws JsonSyntaxError {
    in.skipSpace();
    expectNotEnd();
    char c = in.current();
    if (c != close && c != ',') {
      throw in.invalid(context);
    }
    in.advance();
    return c == close;
  }

  private void expectNotEnd() throws JsonSyntaxError {
    if (in.atEnd()) {
      throw JsonCursor.eof();
    }
  }
}
