package io.podidentity.kubesim.registry;

import com.google.gson.JsonPrimitive;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.api.FieldError;
import java.util.List;

/** The {@code fieldValidation} directive: Strict rejects unknown fields, Warn (the default) warns, Ignore drops. */
public enum FieldValidation {
  STRICT,
  WARN,
  IGNORE;

  /**
   * Parses the query parameter; an unknown value is rejected as the options validation rejects it.
   *
   * @param optionsKind CreateOptions, UpdateOptions or PatchOptions
   */
  public static FieldValidation parse(String value, String optionsKind) {
    if (value == null || value.isEmpty()) {
      return WARN;
    }
    return switch (value) {
      case "Strict" -> STRICT;
      case "Warn" -> WARN;
      case "Ignore" -> IGNORE;
      default -> throw ApiException.invalid("meta.k8s.io", optionsKind, "", List.of(FieldError.notSupported(
          "fieldValidation", new JsonPrimitive(value), List.of("Ignore", "Strict", "Warn"))));
    };
  }
}
