package io.podidentity.common.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of turning outside input (a CRD object, an ARM ID, a node's providerID) into a domain value: either
 * the value or a human-readable reason naming what was wrong. Bad input is expected, so it is never an exception.
 *
 * @param <T> the domain value
 */
public sealed interface Mapped<T> {

  /** The input was valid. */
  record Valid<T>(T value) implements Mapped<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The input was refused; {@code reason} says which object, which field and which value. */
  record Rejected<T>(String reason) implements Mapped<T> {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static <T> Mapped<T> valid(T value) {
    return new Valid<>(value);
  }

  static <T> Mapped<T> rejected(String reason) {
    return new Rejected<>(reason);
  }

  /** Transforms a valid value; a rejection passes through unchanged. */
  default <U> Mapped<U> map(Function<? super T, ? extends U> f) {
    return switch (this) {
      case Valid<T>(T value) -> new Valid<>(f.apply(value));
      case Rejected<T>(String reason) -> new Rejected<>(reason);
    };
  }

  /** Chains a further check on a valid value; a rejection passes through unchanged. */
  default <U> Mapped<U> flatMap(Function<? super T, Mapped<U>> f) {
    return switch (this) {
      case Valid<T>(T value) -> f.apply(value);
      case Rejected<T>(String reason) -> new Rejected<>(reason);
    };
  }

  /** Prefixes a rejection's reason with context, e.g. the enclosing object or field. */
  default Mapped<T> explain(String context) {
    return switch (this) {
      case Valid<T> valid -> valid;
      case Rejected<T>(String reason) -> new Rejected<>(context + ": " + reason);
    };
  }
}
