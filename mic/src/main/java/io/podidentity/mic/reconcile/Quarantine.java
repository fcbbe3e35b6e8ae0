package io.podidentity.mic.reconcile;

import io.podidentity.common.model.UserAssignedIdentityId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Identities ARM keeps refusing (it says they do not exist, or MIC may not assign them) are left out of updates for
 * a while, so one bad identity cannot fail every batch of its VM or scale set nor spend the ARM budget. Each
 * refusal doubles the wait, from {@code initial} up to {@code max}; a successful attach forgets the identity. Time is
 * passed in.
 */
public final class Quarantine {
  private final Duration initial;
  private final Duration max;
  private final Map<UserAssignedIdentityId, Strike> strikes = new ConcurrentHashMap<>();

  /** How often an identity was refused in a row, until when it is left out, and ARM's last answer. */
  public record Strike(int count, Instant until, String reason) {}

  public Quarantine(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max.compareTo(initial) < 0 ? initial : max;
  }

  /** Records refusals; returns each identity's new strike. */
  public Map<UserAssignedIdentityId, Strike> strike(Set<UserAssignedIdentityId> refused, Instant now, String reason) {
    return refused.stream().collect(Collectors.toMap(id -> id, id -> strikes.merge(id,
        new Strike(1, now.plus(initial), reason),
        (old, first) -> new Strike(old.count() + 1, now.plus(backoff(old.count() + 1)), reason))));
  }

  /** The strike of an identity that is left out, if it is. */
  public Optional<Strike> strikeOf(UserAssignedIdentityId id) {
    return Optional.ofNullable(strikes.get(id));
  }

  /** Forgets identities that were attached after all. */
  public void clear(Set<UserAssignedIdentityId> attached) {
    attached.forEach(strikes::remove);
  }

  /** The identities left out at {@code now}. */
  public Set<UserAssignedIdentityId> active(Instant now) {
    return strikes.entrySet().stream().filter(e -> e.getValue().until().isAfter(now)).map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** When the next identity is let back in, if any is out. */
  public Optional<Instant> nextRelease(Instant now) {
    return strikes.values().stream().map(Strike::until).filter(until -> until.isAfter(now)).min(Instant::compareTo);
  }

  Duration backoff(int count) {
    Duration d = initial;
    for (int i = 1; i < count && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}
