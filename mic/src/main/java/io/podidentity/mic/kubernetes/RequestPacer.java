package io.podidentity.mic.kubernetes;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The original's client-side rate limit ({@code --clientQps}, burst equal to it) for API server requests: a request
 * takes a permit, a scheduler puts permits back at the configured rate. Watches are long-lived and exempt.
 */
public final class RequestPacer implements Interceptor, AutoCloseable {
  private final Semaphore permits;
  private final int burst;
  private final ScheduledExecutorService refill;

  public RequestPacer(double qps) {
    this.burst = Math.max(1, (int) qps);
    this.permits = new Semaphore(burst);
    this.refill = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("mic-api-pacer").factory());
    long periodNanos = Math.max(1, (long) (1_000_000_000L / qps));
    refill.scheduleAtFixedRate(this::refillOne, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (!"true".equals(chain.request().url().queryParameter("watch"))) {
      try {
        permits.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the client rate limit");
      }
    }
    return chain.proceed(chain.request());
  }

  private void refillOne() {
    if (permits.availablePermits() < burst) {
      permits.release();
    }
  }

  @Override
  public void close() {
    refill.shutdownNow();
  }
}
