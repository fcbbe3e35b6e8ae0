package io.podidentity.azuresim.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void startsFullAndRefusesOnceEmptyWithTheTimeToTheNextToken() {
    TokenBucket bucket = new TokenBucket(12, 4, Duration.ofMinutes(1), clock);
    for (int i = 11; i >= 0; i--) {
      assertThat(bucket.tryTake()).isEqualTo(new TokenBucket.Take(true, i, Duration.ZERO));
    }
    TokenBucket.Take refused = bucket.tryTake();
    assertThat(refused.granted()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void refillsAtTheDocumentedRateUpToCapacity() {
    TokenBucket bucket = new TokenBucket(12, 4, Duration.ofMinutes(1), clock);
    for (int i = 0; i < 12; i++) {
      bucket.tryTake();
    }
    clock.advance(Duration.ofMinutes(1));
    assertThat(bucket.remaining()).isEqualTo(4);
    clock.advance(Duration.ofHours(1));
    assertThat(bucket.remaining()).isEqualTo(12);
  }
}
