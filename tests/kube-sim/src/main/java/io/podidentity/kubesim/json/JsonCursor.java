package io.podidentity.kubesim.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;

/**
 * The position in a JSON text and the scanning of its scalars (strings, numbers, literals) and whitespace, with
 * Go's {@code encoding/json} wording for every way they can be malformed.
 */
final class JsonCursor {
  private final String text;
  private int pos;

  JsonCursor(String text) {
    this.text = text;
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  void advance() {
    pos++;
  }

  String string() throws JsonSyntaxError {
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

  char escape() throws JsonSyntaxError {
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

  char unicodeEscape() throws JsonSyntaxError {
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

  JsonPrimitive number() throws JsonSyntaxError {
    int start = pos;
    if (current() == '-') {
      pos++;
      if (pos >= text.length()) {
        throw eof();
      }
      if (!isDigit(current())) {
        throw invalid("in numeric literal");
      }
    }
    if (current() == '0') {
      pos++;
    } else {
      digits();
    }
    if (current() == '.') {
      pos++;
      if (pos >= text.length()) {
        throw eof();
      }
      if (!isDigit(current())) {
        throw invalid("after decimal point in numeric literal");
      }
      digits();
    }
    if (current() == 'e' || current() == 'E') {
      pos++;
      if (current() == '+' || current() == '-') {
        pos++;
      }
      if (pos >= text.length()) {
        throw eof();
      }
      if (!isDigit(current())) {
        throw invalid("in exponent of numeric literal");
      }
      digits();
    }
    return new JsonPrimitive(new LazilyParsedNumber(text.substring(start, pos)));
  }

  void digits() {
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
  }

  JsonElement literal(String word, JsonElement value) throws JsonSyntaxError {
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

  /** The current character (or '\\0' at the end), not consumed. */
  char current() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  JsonSyntaxError invalid(String context) {
    return new JsonSyntaxError("invalid character " + GoTypes.quoteChar(text.charAt(pos)) + " " + context);
  }

  static JsonSyntaxError eof() {
    return new JsonSyntaxError("unexpected end of JSON input");
  }
}
