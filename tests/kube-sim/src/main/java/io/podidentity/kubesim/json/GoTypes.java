package io.podidentity.kubesim.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;

/**
 * Go's formatting of values inside error messages ({@code %q}, {@code %v}, the decoder's type names), so that the
 * simulator's {@code Status} messages read exactly like the apiserver's.
 */
public final class GoTypes {
  private GoTypes() {}

  /** Go's {@code strconv.Quote}: double quotes, backslash escapes for quotes and control characters. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case 0x07 -> out.append("\\a");
        case 0x0b -> out.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** The scanner's {@code quoteChar}: a character in single quotes, escaped like {@link #quote}. */
  public static String quoteChar(char c) {
    if (c == '\'') {
      return "'\\''";
    }
    if (c == '"') {
      return "'\"'";
    }
    String quoted = quote(String.valueOf(c));
    return "'" + quoted.substring(1, quoted.length() - 1) + "'";
  }

  /** The JSON type name the Go decoder uses in "cannot unmarshal X into ..." messages. */
  public static String jsonTypeName(JsonElement value) {
    if (value == null || value.isJsonNull()) {
      return "null";
    }
    if (value.isJsonObject()) {
      return "object";
    }
    if (value.isJsonArray()) {
      return "array";
    }
    JsonPrimitive p = value.getAsJsonPrimitive();
    if (p.isBoolean()) {
      return "bool";
    }
    return p.isNumber() ? "number" : "string";
  }

  /** A value as {@code field.Error} prints it: strings quoted, numbers and booleans plain, null as null. */
  public static String fieldValue(JsonElement value) {
    if (value == null || value.isJsonNull()) {
      return "\"null\"";
    }
    if (value.isJsonPrimitive()) {
      JsonPrimitive p = value.getAsJsonPrimitive();
      if (p.isString()) {
        return quote(p.getAsString());
      }
      if (p.isNumber()) {
        return number(p);
      }
      return p.toString();
    }
    return value.toString();
  }

  /** A number as Go's {@code %v} prints an int64 or float64 decoded from JSON. */
  public static String number(JsonPrimitive p) {
    String text = p.getAsString();
    if (isInteger(p)) {
      return new BigDecimal(text).toBigInteger().toString();
    }
    double d = p.getAsDouble();
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return String.valueOf((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** Whether a JSON number was written without fraction or exponent (Go decodes those to int64). */
  public static boolean isInteger(JsonPrimitive p) {
    if (!p.isNumber()) {
      return false;
    }
    String text = p.getAsString();
    return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
  }
}
