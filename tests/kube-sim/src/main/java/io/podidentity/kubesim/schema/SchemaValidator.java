package io.podidentity.kubesim.schema;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.json.GoTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a custom resource against its CRD's openAPIV3Schema and words the failures as the apiextensions
 * apiserver does after converting kube-openapi's results to field errors
 * ({@code spec.type: Invalid value: "string": spec.type in body must be of type integer: "string"}).
 */
public final class SchemaValidator {
  private final List<FieldError> errors = new ArrayList<>();

  private SchemaValidator() {}

  /** Validates the object's fields below the root; metadata is validated by the object-meta rules instead. */
  public static List<FieldError> validateObject(JsonObject object, Schema root) {
    SchemaValidator v = new SchemaValidator();
    JsonObject body = object.deepCopy();
    body.remove("apiVersion");
    body.remove("kind");
    body.remove("metadata");
    v.object(body, root, "");
    return v.errors;
  }

  private void value(JsonElement value, Schema schema, String path) {
    if (value == null || value.isJsonNull()) {
      if (!schema.nullable() && schema.type() != null) {
        typeError(path, schema.type(), "null");
      }
      return;
    }
    String actual = typeName(value);
    if (schema.intOrString()) {
      if (!actual.equals("integer") && !actual.equals("string")) {
        typeError(path, "integer,string", actual);
      }
      return;
    }
    String expected = schema.type();
    if (expected != null && !expected.equals(actual) && !(expected.equals("number") && actual.equals("integer"))
        && !(expected.equals("integer") && isWholeNumber(value))) {
      typeError(path, expected, actual);
      return;
    }
    enumeration(value, schema, path);
    switch (actual) {
      case "string" -> string(value.getAsString(), schema, path);
      case "integer", "number" -> number(value.getAsJsonPrimitive(), schema, path);
      case "array" -> array(value.getAsJsonArray(), schema, path);
      case "object" -> object(value.getAsJsonObject(), schema, path);
      default -> { }
    }
  }

  private void object(JsonObject object, Schema schema, String path) {
    for (String name : schema.required()) {
      if (!object.has(name)) {
        errors.add(FieldError.required(child(path, name), ""));
      }
    }
    long max = longKeyword(schema, "maxProperties");
    if (max >= 0 && object.size() > max) {
      errors.add(new FieldError(FieldError.Type.TOO_MANY, path, new JsonPrimitive(object.size()),
          "must have at most " + max + " items"));
    }
    long min = longKeyword(schema, "minProperties");
    if (min >= 0 && object.size() < min) {
      invalid(path, object, path + " in body should have at least " + min + " properties");
    }
    Schema values = schema.additionalProperties();
    for (Map.Entry<String, JsonElement> e : object.entrySet()) {
      Schema property = schema.property(e.getKey());
      Schema s = property != null ? property : values;
      if (s != null) {
        value(e.getValue(), s, child(path, e.getKey()));
      }
    }
  }

  private void array(JsonArray array, Schema schema, String path) {
    long max = longKeyword(schema, "maxItems");
    if (max >= 0 && array.size() > max) {
      errors.add(new FieldError(FieldError.Type.TOO_MANY, path, new JsonPrimitive(array.size()),
          "must have at most " + max + " items"));
    }
    long min = longKeyword(schema, "minItems");
    if (min >= 0 && array.size() < min) {
      invalid(path, array, path + " in body should have at least " + min + " items");
    }
    if (schema.flag("uniqueItems") && new HashSet<>(array.asList()).size() < array.size()) {
      invalid(path, array, path + " in body shouldn't contain duplicates");
    }
    Schema items = schema.items();
    for (int i = 0; items != null && i < array.size(); i++) {
      value(array.get(i), items, path + "[" + i + "]");
    }
  }

  private void string(String s, Schema schema, String path) {
    long max = longKeyword(schema, "maxLength");
    if (max >= 0 && s.codePointCount(0, s.length()) > max) {
      errors.add(new FieldError(FieldError.Type.TOO_LONG, path, null, "may not be more than " + max + " bytes"));
    }
    long min = longKeyword(schema, "minLength");
    if (min >= 0 && s.codePointCount(0, s.length()) < min) {
      invalid(path, new JsonPrimitive(s), path + " in body should be at least " + min + " chars long");
    }
    String pattern = schema.has("pattern") ? schema.get("pattern").getAsString() : null;
    if (pattern != null && !Pattern.compile(pattern).matcher(s).find()) {
      invalid(path, new JsonPrimitive(s), path + " in body should match '" + pattern + "'");
    }
  }

  private void number(JsonPrimitive n, Schema schema, String path) {
    BigDecimal v = new BigDecimal(n.getAsString());
    if (schema.has("maximum")) {
      BigDecimal max = schema.get("maximum").getAsBigDecimal();
      boolean exclusive = schema.flag("exclusiveMaximum");
      if (exclusive ? v.compareTo(max) >= 0 : v.compareTo(max) > 0) {
        invalid(path, n, path + " in body should be less than " + (exclusive ? "" : "or equal to ") + plain(max));
      }
    }
    if (schema.has("minimum")) {
      BigDecimal min = schema.get("minimum").getAsBigDecimal();
      boolean exclusive = schema.flag("exclusiveMinimum");
      if (exclusive ? v.compareTo(min) <= 0 : v.compareTo(min) < 0) {
        invalid(path, n, path + " in body should be greater than " + (exclusive ? "" : "or equal to ") + plain(min));
      }
    }
    if (schema.has("multipleOf")) {
      BigDecimal m = schema.get("multipleOf").getAsBigDecimal();
      if (m.signum() != 0 && v.remainder(m).signum() != 0) {
        invalid(path, n, path + " in body should be a multiple of " + plain(m));
      }
    }
  }

  private void enumeration(JsonElement value, Schema schema, String path) {
    JsonElement e = schema.get("enum");
    if (e == null || !e.isJsonArray()) {
      return;
    }
    Set<JsonElement> allowed = new HashSet<>(e.getAsJsonArray().asList());
    if (!allowed.contains(value) && !containsNumber(e.getAsJsonArray(), value)) {
      List<String> names = new ArrayList<>();
      e.getAsJsonArray().forEach(a -> names.add(a.isJsonPrimitive() && a.getAsJsonPrimitive().isString()
          ? a.getAsString() : a.toString()));
      errors.add(FieldError.notSupported(path, value, names));
    }
  }

  private static boolean containsNumber(JsonArray allowed, JsonElement value) {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      return false;
    }
    BigDecimal v = value.getAsBigDecimal();
    for (JsonElement a : allowed) {
      if (a.isJsonPrimitive() && a.getAsJsonPrimitive().isNumber() && a.getAsBigDecimal().compareTo(v) == 0) {
        return true;
      }
    }
    return false;
  }

  private void typeError(String path, String expected, String actual) {
    errors.add(new FieldError(FieldError.Type.TYPE_INVALID, path, new JsonPrimitive(actual),
        path + " in body must be of type " + expected + ": " + GoTypes.quote(actual)));
  }

  private void invalid(String path, JsonElement value, String detail) {
    errors.add(FieldError.invalid(path, value, detail));
  }

  /** The OpenAPI type name of a JSON value (integers are numbers written without fraction or exponent). */
  private static String typeName(JsonElement value) {
    return switch (GoTypes.jsonTypeName(value)) {
      case "bool" -> "boolean";
      case "number" -> GoTypes.isInteger(value.getAsJsonPrimitive()) ? "integer" : "number";
      default -> GoTypes.jsonTypeName(value);
    };
  }

  private static boolean isWholeNumber(JsonElement value) {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      return false;
    }
    BigDecimal v = value.getAsBigDecimal();
    return v.stripTrailingZeros().scale() <= 0;
  }

  private static long longKeyword(Schema schema, String keyword) {
    JsonElement e = schema.get(keyword);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsLong() : -1;
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
