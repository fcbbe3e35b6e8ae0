package io.podidentity.azuresim.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to. Tests and benchmarks inject it into the simulator to expire tokens, refill
 * throttling buckets and finish delayed operations without sleeping.
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;

  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** Starts at the current wall-clock second, so issued tokens are also valid for real-time checkers. */
  public static ManualClock startingNow() {
    return new ManualClock(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
  }

  public void advance(Duration duration) {
    now.updateAndGet(t -> t.plus(duration));
  }

  public void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
