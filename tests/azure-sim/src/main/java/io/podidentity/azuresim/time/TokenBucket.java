package io.podidentity.azuresim.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The token bucket Azure documents for its throttling: a bucket of {@code capacity} tokens starts full, each request
 * takes one, and tokens come back continuously at {@code refill} per {@code period} up to the capacity. Time comes
 * from an injected clock so tests can move it instead of waiting.
 */
public final class TokenBucket {
  private final long capacity;
  private final double tokensPerNano;
  private final Clock clock;
  private double tokens;
  private Instant last;

  /** The outcome of one attempt to take a token. */
  public record Take(boolean granted, long remaining, Duration retryAfter) {}

  public TokenBucket(long capacity, long refill, Duration period, Clock clock) {
    if (capacity <= 0 || refill <= 0 || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("capacity, refill and period must be positive");
    }
    this.capacity = capacity;
    this.tokensPerNano = (double) refill / period.toNanos();
    this.clock = clock;
    this.tokens = capacity;
    this.last = clock.instant();
  }

  /** Takes a token if one is left; otherwise says how long until the next one. */
  public synchronized Take tryTake() {
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return new Take(true, (long) Math.floor(tokens), Duration.ZERO);
    }
    long nanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
    return new Take(false, 0, Duration.ofNanos(nanos));
  }

  /** Tokens available now, without taking one. */
  public synchronized long remaining() {
    refill();
    return (long) Math.floor(tokens);
  }

  public long capacity() {
    return capacity;
  }

  private void refill() {
    Instant now = clock.instant();
    long elapsed = Duration.between(last, now).toNanos();
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
      last = now;
    }
  }
}
