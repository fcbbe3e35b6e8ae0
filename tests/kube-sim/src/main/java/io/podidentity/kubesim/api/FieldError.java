package io.podidentity.kubesim.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.podidentity.kubesim.json.GoTypes;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One validation failure, worded as {@code k8s.io/apimachinery/pkg/util/validation/field.Error}: the cause's
 * reason is the type's wire name and its message the error body ({@code Required value}, {@code Invalid value:
 * "x": detail}).
 *
 * @param value the offending value, or null when the body omits it (required, forbidden, too long)
 * @param display how the value is printed when Go prints it other than as JSON (e.g. {@code 0x0}), or null
 */
public record FieldError(Type type, String field, JsonElement value, String detail, String display) {

  public FieldError(Type type, String field, JsonElement value, String detail) {
    this(type, field, value, detail, null);
  }

  /** The same error with the value printed as given (Go's {@code %#v} of a non-JSON type). */
  public FieldError withDisplayValue(String shown) {
    return new FieldError(type, field, value, detail, shown);
  }

  /** The field error types and how each is named on the wire and in messages. */
  public enum Type {
    NOT_FOUND("FieldValueNotFound", "Not found", true),
    REQUIRED("FieldValueRequired", "Required value", false),
    DUPLICATE("FieldValueDuplicate", "Duplicate value", true),
    INVALID("FieldValueInvalid", "Invalid value", true),
    NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value", true),
    FORBIDDEN("FieldValueForbidden", "Forbidden", false),
    TOO_LONG("FieldValueTooLong", "Too long", false),
    TOO_MANY("FieldValueTooMany", "Too many", true),
    TYPE_INVALID("FieldValueTypeInvalid", "Invalid value", true);

    private final String wire;
    private final String display;
    private final boolean showsValue;

    Type(String wire, String display, boolean showsValue) {
      this.wire = wire;
      this.display = display;
      this.showsValue = showsValue;
    }

    public String wire() {
      return wire;
    }
  }

  public static FieldError required(String field, String detail) {
    return new FieldError(Type.REQUIRED, field, null, detail);
  }

  public static FieldError invalid(String field, JsonElement value, String detail) {
    return new FieldError(Type.INVALID, field, value, detail);
  }

  public static FieldError invalid(String field, String value, String detail) {
    return invalid(field, new JsonPrimitive(value), detail);
  }

  public static FieldError forbidden(String field, String detail) {
    return new FieldError(Type.FORBIDDEN, field, null, detail);
  }

  /** NotSupported with the valid values listed as the apiserver lists them (quoted, comma separated). */
  public static FieldError notSupported(String field, JsonElement value, List<String> validValues) {
    String detail = validValues.isEmpty() ? "" : "supported values: "
        + validValues.stream().map(GoTypes::quote).collect(Collectors.joining(", "));
    return new FieldError(Type.NOT_SUPPORTED, field, value, detail);
  }

  /** The error body: the type, the value when the type shows one, then the detail. */
  public String body() {
    StringBuilder s = new StringBuilder(type.display);
    if (type.showsValue) {
      s.append(": ").append(display != null ? display : GoTypes.fieldValue(value));
    }
    if (detail != null && !detail.isEmpty()) {
      s.append(": ").append(detail);
    }
    return s.toString();
  }

  /** The error as {@code field.Error.Error()} prints it: "path: body". */
  public String message() {
    return field + ": " + body();
  }
}
