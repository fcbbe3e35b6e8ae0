package io.podidentity.common.model;

import java.util.Objects;

/** Argument checks shared by the records of this package; a failure here is a programming error. */
final class Names {
  private Names() {}

  static String requireNonBlank(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    return value;
  }
}
