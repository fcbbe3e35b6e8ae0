package io.podidentity.common.port;

import java.util.Objects;

/** The outcome of one write to the API server. */
public sealed interface StoreResult {

  StoreResult DONE = new Done();

  /** The write took effect. */
  record Done() implements StoreResult {}

  /** The write did not take effect; {@code error} says why (status and message of the API server's answer). */
  record Failed(String error) implements StoreResult {
    public Failed {
      Objects.requireNonNull(error, "error");
    }
  }

  default boolean succeeded() {
    return this instanceof Done;
  }
}
