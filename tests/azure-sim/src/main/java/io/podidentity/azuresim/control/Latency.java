package io.podidentity.azuresim.control;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Extra time an operation takes before it is served: fixed, or uniform between two bounds. */
public sealed interface Latency {
  Duration next();

  record Fixed(Duration delay) implements Latency {
    public Fixed {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("negative delay");
      }
    }

    @Override
    public Duration next() {
      return delay;
    }
  }

  record Uniform(Duration min, Duration max) implements Latency {
    public Uniform {
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException("need 0 <= min <= max");
      }
    }

    @Override
    public Duration next() {
      long span = max.toMillis() - min.toMillis();
      return min.plusMillis(span == 0 ? 0 : ThreadLocalRandom.current().nextLong(span + 1));
    }
  }
}
