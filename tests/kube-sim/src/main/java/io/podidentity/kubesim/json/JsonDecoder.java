package io.podidentity.kubesim.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses request bodies the way the apiserver's Go decoder sees them: syntax errors carry Go's wording (clients
 * and tests compare those messages), numbers keep their written form, and duplicate keys are reported as the
 * strict decoder does ({@code duplicate field "spec.x"}) while the last value wins.
 */
public final class JsonDecoder {
  private final String text;
  private final List<String> duplicates = new ArrayList<>();
  private int pos;

  private JsonDecoder(String text) {
    this.text = text;
  }

  /** A parsed document and the paths of the keys that occurred more than once. */
  public record Parsed(JsonElement value, List<String> duplicateFields) {
    public Parsed {
      duplicateFields = List.copyOf(duplicateFields);
    }
  }

  public static Parsed parse(String text) throws JsonSyntaxError {
    JsonDecoder decoder = new JsonDecoder(text);
    decoder.skipSpace();
    JsonElement value = decoder.value("", "looking for beginning of value");
    decoder.skipSpace();
    if (decoder.pos < text.length()) {
      throw decoder.invalid("after top-level value");
    }
    return new Parsed(value, decoder.duplicates);
  }

  /** Parses text that must be a JSON object; anything else is reported like a syntax error. */
  public static JsonObject parseObject(String text) throws JsonSyntaxError {
    JsonElement value = parse(text).value();
    if (!value.isJsonObject()) {
      throw new JsonSyntaxError("json: cannot unmarshal " + GoTypes.jsonTypeName(value) + " into Go value of type map[string]interface {}");
    }
    return value.getAsJsonObject();
  }

  private JsonElement value(String path, String context) throws JsonSyntaxError {
    if (pos >= text.length()) {
      throw eof();
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(path);
      case '[' -> array(path);
      case '"' -> new JsonPrimitive(string());
      case 't' -> literal("true", new JsonPrimitive(true));
      case 'f' -> literal("false", new JsonPrimitive(false));
      case 'n' -> literal("null", JsonNull.INSTANCE);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw invalid(context);
      }
    };
  }

  private JsonObject object(String path) throws JsonSyntaxError {
    pos++;
    JsonObject result = new JsonObject();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return result;
    }
    while (true) {
      skipSpace();
      if (pos >= text.length()) {
        throw eof();
      }
      if (text.charAt(pos) != '"') {
        throw invalid("looking for beginning of object key string");
      }
      String key = string();
      skipSpace();
      if (pos >= text.length()) {
        throw eof();
      }
      if (text.charAt(pos) != ':') {
        throw invalid("after object key");
      }
      pos++;
      skipSpace();
      String childPath = path.isEmpty() ? key : path + "." + key;
      JsonElement child = value(childPath, "looking for beginning of value");
      if (result.has(key)) {
        duplicates.add(childPath);
      }
      result.add(key, child);
      skipSpace();
      if (pos >= text.length()) {
        throw eof();
      }
      char c = text.charAt(pos++);
      if (c == '}') {
        return result;
      }
      if (c != ',') {
        pos--;
        throw invalid("after object key:value pair");
      }
    }
  }

  private JsonArray array(String path) throws JsonSyntaxError {
    pos++;
    JsonArray result = new JsonArray();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return result;
    }
    while (true) {
      skipSpace();
      result.add(value(path + "[" + result.size() + "]", "looking for beginning of value"));
      skipSpace();
      if (pos >= text.length()) {
        throw eof();
      }
      char c = text.charAt(pos++);
      if (c == ']') {
        return result;
      }
      if (c != ',') {
        pos--;
        throw invalid("after array element");
      }
    }
  }

  private String string() throws JsonSyntaxError {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw eof();
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toString();
      }
      if (c < 0x20) {
        throw invalid("in string literal");
      }
      if (c == '\\') {
        pos++;
        out.append(escape());
      } else {
        out.append(c);
        pos++;
      }
    }
  }

  private char escape() throws JsonSyntaxError {
    if (pos >= text.length()) {
      throw eof();
    }
    char c = text.charAt(pos++);
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicodeEscape();
      default -> {
        pos--;
        throw invalid("in string escape code");
      }
    };
  }

  private char unicodeEscape() throws JsonSyntaxError {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      if (pos >= text.length()) {
        throw eof();
      }
      int digit = Character.digit(text.charAt(pos), 16);
      if (digit < 0) {
        throw invalid("in \\u hexadecimal character escape");
      }
      value = value * 16 + digit;
      pos++;
    }
    return (char) value;
  }

  private JsonPrimitive number() throws JsonSyntaxError {
    int start = pos;
    if (peek() == '-') {
      pos++;
      if (pos >= text.length()) {
        throw eof();
      }
      if (!isDigit(peek())) {
        throw invalid("in numeric literal");
      }
    }
    if (peek() == '0') {
      pos++;
    } else {
      digits();
    }
    if (peek() == '.') {
      pos++;
      if (pos >= text.length()) {
        throw eof();
      }
      if (!isDigit(peek())) {
        throw invalid("after decimal point in numeric literal");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (pos >= text.length()) {
        throw eof();
      }
      if (!isDigit(peek())) {
        throw invalid("in exponent of numeric literal");
      }
      digits();
    }
    return new JsonPrimitive(new LazilyParsedNumber(text.substring(start, pos)));
  }

  private void digits() {
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
  }

  private JsonElement literal(String word, JsonElement value) throws JsonSyntaxError {
    for (int i = 0; i < word.length(); i++) {
      if (pos >= text.length()) {
        throw eof();
      }
      if (text.charAt(pos) != word.charAt(i)) {
        throw invalid("in literal " + word + " (expecting " + GoTypes.quoteChar(word.charAt(i)) + ")");
      }
      pos++;
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private JsonSyntaxError invalid(String context) {
    return new JsonSyntaxError("invalid character " + GoTypes.quoteChar(text.charAt(pos)) + " " + context);
  }

  private static JsonSyntaxError eof() {
    return new JsonSyntaxError("unexpected end of JSON input");
  }
}
