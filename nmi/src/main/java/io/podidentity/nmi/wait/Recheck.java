package io.podidentity.nmi.wait;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A question asked again until it has an answer: {@code evaluate} gets the attempt number (0 at once, then one more
 * per {@code interval}) and answers, or not yet. {@code keys} say which changes make it worth asking again before
 * the interval ends; {@code connection}, when known, lets a hang-up end the wait with {@code abandoned}.
 */
public record Recheck<T>(
    Set<Object> keys,
    Duration interval,
    IntFunction<Optional<T>> evaluate,
    Optional<ClientConnection> connection,
    T abandoned) {

  public Recheck {
    keys = Set.copyOf(keys);
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(evaluate, "evaluate");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(abandoned, "abandoned");
  }
}
