package io.podidentity.mic.reconcile;

import java.time.Duration;
import java.util.Optional;

/**
 * When to sync again after a sync that left work undone (an unreachable ARM, a refused write, identities still
 * {@code Created}): soon at first, doubling while failures continue, back to the start after a clean sync. A zero
 * {@code initial} switches retries off, as in the original (which waited for the next event or tick).
 */
final class RetryBackoff {
  private final Duration initial;
  private final Duration max;
  private int failures;

  RetryBackoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max.compareTo(initial) < 0 ? initial : max;
  }

  /** Records a sync's result; returns how long until the next attempt, if one should be scheduled. */
  Optional<Duration> after(boolean workLeft) {
    if (!workLeft) {
      failures = 0;
      return Optional.empty();
    }
    if (initial.isZero()) {
      return Optional.empty();
    }
    failures++;
    Duration d = initial;
    for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return Optional.of(d.compareTo(max) > 0 ? max : d);
  }
}
