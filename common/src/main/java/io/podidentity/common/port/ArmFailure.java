package io.podidentity.common.port;

import io.podidentity.common.model.UserAssignedIdentityId;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** Why an ARM call did not succeed, classified so the executor can decide without parsing text. */
public sealed interface ArmFailure extends ArmOutcome, IdentityRead {

  /** A human-readable account for logs and events (no tokens, no secrets). */
  String message();

  /**
   * ARM or the Compute provider throttled the call (HTTP 429 with {@code Retry-After}), or MIC held it back
   * because an earlier answer said to wait; no call to this target is worth making before {@code retryAfter}.
   */
  record Throttled(Duration retryAfter, String message) implements ArmFailure {
    public Throttled {
      Objects.requireNonNull(retryAfter, "retryAfter");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * ARM refused the request. {@code offendingIds} are the user-assigned identities its error names (for {@code
   * FailedIdentityOperation}: the identity does not exist; {@code LinkedAuthorizationFailed}: MIC may not assign
   * it); without them the request is beyond repair by dropping identities.
   */
  record Rejected(String code, String message, Set<UserAssignedIdentityId> offendingIds) implements ArmFailure {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
      offendingIds = Set.copyOf(offendingIds);
    }
  }

  /** No answer: connection refused, timeout, a 5xx, a failed long-running operation or no credential. */
  record Unreachable(String message) implements ArmFailure {
    public Unreachable {
      Objects.requireNonNull(message, "message");
    }
  }
}
