package io.podidentity.mic.arm;

import io.podidentity.common.plan.ComputeTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "No calls before T" per VM or scale set and per direction (reads and writes are throttled separately, as ARM and
 * the Compute provider count them), plus per subscription. Set from {@code Retry-After} and, when enabled, from the
 * {@code x-ms-ratelimit-remaining-*} budgets; while a gate is closed calls fail at once without reaching ARM. The
 * original kept one gate per client, so one throttled scale set held back all of them.
 */
public final class ThrottleGates {
  /** Which of a resource's budgets a call spends. */
  public enum Direction { READ, WRITE }

  private final Map<String, Instant> closedUntil = new ConcurrentHashMap<>();

  /** How long calls of {@code direction} to {@code target} must still wait, if at all. */
  public Optional<Duration> closed(ComputeTarget target, Direction direction, Instant now) {
    Instant until = later(closedUntil.get(key(direction, target.armId())),
        closedUntil.get(key(direction, "/subscriptions/" + target.subscriptionId())));
    return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  /** Closes the gate of one resource (an ARM ID path) or one subscription ({@code /subscriptions/<id>}). */
  public void close(String resourcePath, Direction direction, Instant until) {
    closedUntil.merge(key(direction, resourcePath), until, ThrottleGates::later);
  }

  public void close(ComputeTarget target, Direction direction, Instant until) {
    close(target.armId(), direction, until);
  }

  private static String key(Direction direction, String path) {
    return direction + " " + path.toLowerCase(Locale.ROOT);
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
