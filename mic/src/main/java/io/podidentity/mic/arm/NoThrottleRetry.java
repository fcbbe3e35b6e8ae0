package io.podidentity.mic.arm;

import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryStrategy;
import java.time.Duration;

/**
 * The SDK's exponential retry of timeouts and 5xx answers, without retrying 429: a throttled call is answered at
 * once and its {@code Retry-After} closes the gate instead (the original removed 429 from autorest's retry list for
 * the same reason: blind retries only deepen throttling).
 */
final class NoThrottleRetry implements RetryStrategy {
  private final ExponentialBackoff backoff = new ExponentialBackoff(new ExponentialBackoffOptions().setMaxRetries(3)
      .setBaseDelay(Duration.ofMillis(800)).setMaxDelay(Duration.ofSeconds(8)));

  @Override
  public int getMaxRetries() {
    return backoff.getMaxRetries();
  }

  @Override
  public Duration calculateRetryDelay(int retryAttempts) {
    return backoff.calculateRetryDelay(retryAttempts);
  }

  @Override
  public boolean shouldRetry(HttpResponse response) {
    return response.getStatusCode() != 429 && backoff.shouldRetry(response);
  }

  @Override
  public boolean shouldRetryException(Throwable throwable) {
    return backoff.shouldRetryException(throwable);
  }
}
