package io.podidentity.kubesim.schema;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.podidentity.kubesim.json.GoTypes;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the first value a built-in kind's Go struct could not decode, and words it as {@code encoding/json}
 * does ({@code json: cannot unmarshal string into Go struct field PodSpec.spec.nodeName of type int64}). The
 * apiserver answers such a body with 400 before anything else is looked at.
 */
public final class GoDecoding {
  private static final Pattern QUANTITY = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");

  private final ModelSchemas models;

  public GoDecoding(ModelSchemas models) {
    this.models = models;
  }

  /** The decoding error for the object, or null when every field has a type its Go field accepts. */
  public String firstError(JsonObject object, String component) {
    return fields(object, component, "");
  }

  private String fields(JsonObject object, String component, String path) {
    Schema schema = new Schema(models.components().get(component), models.components());
    for (Map.Entry<String, JsonElement> e : object.entrySet()) {
      Schema property = schema.property(e.getKey());
      if (property == null) {
        continue;
      }
      String fieldPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      String where = models.goStruct(component) + "." + fieldPath;
      String error = value(e.getValue(), schema.rawProperty(e.getKey()), models.goType(component, e.getKey()), where,
          fieldPath);
      if (error != null) {
        return error;
      }
    }
    return null;
  }

  private String value(JsonElement value, JsonObject declared, String goType, String where, String path) {
    if (value == null || value.isJsonNull()) {
      return null;
    }
    Schema schema = new Schema(declared, models.components());
    String component = schema.refName();
    Schema resolved = schema.resolved();
    if (component != null && resolved.hasProperties()) {
      return value.isJsonObject() ? fields(value.getAsJsonObject(), component, path) : mismatch(value, where, goType);
    }
    if (goType.startsWith("[]") && !goType.equals("[]uint8")) {
      if (!value.isJsonArray()) {
        return mismatch(value, where, goType);
      }
      for (JsonElement item : value.getAsJsonArray()) {
        String error = value(item, JsonTreeItems.items(declared), goType.substring(2), where, path);
        if (error != null) {
          return error;
        }
      }
      return null;
    }
    if (goType.startsWith("map[string]")) {
      if (!value.isJsonObject()) {
        return mismatch(value, where, goType);
      }
      for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
        String error = value(e.getValue(), JsonTreeItems.additional(declared), goType.substring(11), where, path);
        if (error != null) {
          return error;
        }
      }
      return null;
    }
    return scalar(value, goType, where);
  }

  private static String scalar(JsonElement value, String goType, String where) {
    boolean isString = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    boolean isNumber = value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
    return switch (goType) {
      case "string", "v1.Time" -> isString ? null : mismatch(value, where, "string");
      case "bool" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() ? null : mismatch(value, where, goType);
      case "int32", "int64" -> isNumber ? integer(value.getAsJsonPrimitive(), goType, where) : mismatch(value, where, goType);
      case "float64", "float32" -> isNumber ? null : mismatch(value, where, goType);
      case "[]uint8" -> isString ? base64(value.getAsString()) : mismatch(value, where, goType);
      case "resource.Quantity" -> isNumber || (isString && QUANTITY.matcher(value.getAsString()).matches())
          ? null
          : "quantities must match the regular expression '" + QUANTITY.pattern() + "'";
      case "intstr.IntOrString" -> isNumber || isString ? null : mismatch(value, where, goType);
      default -> null;
    };
  }

  private static String integer(JsonPrimitive number, String goType, String where) {
    BigDecimal v = new BigDecimal(number.getAsString());
    boolean fits = GoTypes.isInteger(number)
        && v.compareTo(BigDecimal.valueOf(goType.equals("int32") ? Integer.MIN_VALUE : Long.MIN_VALUE)) >= 0
        && v.compareTo(BigDecimal.valueOf(goType.equals("int32") ? Integer.MAX_VALUE : Long.MAX_VALUE)) <= 0;
    return fits ? null : "json: cannot unmarshal number " + number.getAsString() + " into Go struct field " + where
        + " of type " + goType;
  }

  private static String base64(String text) {
    try {
      Base64.getDecoder().decode(text);
      return null;
    } catch (IllegalArgumentException e) {
      return "illegal base64 data at input byte " + firstBadByte(text);
    }
  }

  private static int firstBadByte(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=';
      if (!ok) {
        return i;
      }
    }
    return text.length() - text.length() % 4;
  }

  private static String mismatch(JsonElement value, String where, String goType) {
    return "json: cannot unmarshal " + GoTypes.jsonTypeName(value) + " into Go struct field " + where + " of type "
        + goType;
  }

  /** Reads the element schemas of arrays and maps from a declared (unresolved) property schema. */
  private static final class JsonTreeItems {
    static JsonObject items(JsonObject declared) {
      JsonElement e = declared.get("items");
      return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    static JsonObject additional(JsonObject declared) {
      JsonElement e = declared.get("additionalProperties");
      return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }
  }
}
