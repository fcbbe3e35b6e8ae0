package io.podidentity.azuresim.imds;

import io.podidentity.azuresim.control.Counters;
import io.podidentity.azuresim.http.Handler;
import io.podidentity.azuresim.http.Interceptor;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.time.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * IMDS's documented per-VM limits: the managed identity category allows 20 requests per second and 5 concurrent
 * requests, the other categories 5 requests per second; excess requests get 429. It wraps the fault interceptor so
 * injected latency counts toward concurrency. The switch is shared by all machines so benchmarks can turn the limits
 * off to measure a floor.
 */
public final class ImdsLimits implements Interceptor {
  static final String TOKEN_OPERATION = "imds_token";

  private final Interceptor inner;
  private final AtomicBoolean enabled;
  private final Counters counters;
  private final TokenBucket identityRate;
  private final Semaphore identityConcurrency = new Semaphore(5);
  private final TokenBucket generalRate;

  public ImdsLimits(Interceptor inner, AtomicBoolean enabled, Counters counters, Clock clock) {
    this.inner = inner;
    this.enabled = enabled;
    this.counters = counters;
    this.identityRate = new TokenBucket(20, 20, Duration.ofSeconds(1), clock);
    this.generalRate = new TokenBucket(5, 5, Duration.ofSeconds(1), clock);
  }

  @Override
  public SimResponse intercept(String operation, SimRequest request, Handler next) {
    if (!enabled.get()) {
      return inner.intercept(operation, request, next);
    }
    if (!TOKEN_OPERATION.equals(operation)) {
      return generalRate.tryTake().granted() ? inner.intercept(operation, request, next)
          : throttled(ImdsErrors.instanceThrottled());
    }
    if (!identityConcurrency.tryAcquire()) {
      return throttled(ImdsErrors.identityThrottled());
    }
    try {
      return identityRate.tryTake().granted() ? inner.intercept(operation, request, next)
          : throttled(ImdsErrors.identityThrottled());
    } finally {
      identityConcurrency.release();
    }
  }

  private SimResponse throttled(SimResponse response) {
    counters.increment("imds_429");
    return response;
  }
}
