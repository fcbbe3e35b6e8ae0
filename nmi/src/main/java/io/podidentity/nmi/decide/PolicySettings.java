package io.podidentity.nmi.decide;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings the token decisions depend on: the mode, namespaced matching, MIC's namespace (for its
 * short-circuit) and the original's wait budget (attempts while no assignment exists, further attempts while it is
 * not yet {@code Assigned}, the interval between attempts) and whether a failed wait answers 503 with
 * {@code Retry-After} instead of 404.
 */
public record PolicySettings(
    Mode mode,
    boolean forceNamespaced,
    String micNamespace,
    int attemptsForCreated,
    int attemptsForAssigned,
    Duration retryInterval,
    boolean retryAfterHeader) {

  /** What the original sends in {@code Retry-After}: enough for MIC to finish its cycle and pick the pod up. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(20);

  /** The original's operation modes. */
  public enum Mode { STANDARD, MANAGED }

  public PolicySettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(micNamespace, "micNamespace");
    if (attemptsForCreated < 0 || attemptsForAssigned < 0) {
      throw new IllegalArgumentException("attempts must not be negative");
    }
    Objects.requireNonNull(retryInterval, "retryInterval");
  }

  /** The last attempt number plus one: at this attempt a still-missing identity fails. */
  public int totalAttempts() {
    return attemptsForCreated + attemptsForAssigned;
  }
}
