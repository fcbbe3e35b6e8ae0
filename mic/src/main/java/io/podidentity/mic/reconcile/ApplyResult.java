package io.podidentity.mic.reconcile;

import io.podidentity.common.model.UserAssignedIdentityId;
import io.podidentity.common.plan.HolderIdentity;
import io.podidentity.common.port.ArmFailure;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What applying an identity change to one VM or scale set came to. */
sealed interface ApplyResult {

  /** Nothing needed changing, so nothing was read or written. */
  record Unchanged() implements ApplyResult {}

  /**
   * The VM or scale set was read and, where needed, updated; {@code state} is what it holds now (from ARM's last
   * answer). {@code firstError} is the first failure on the way (then some of the change may be missing), and
   * {@code refused} the identities ARM refused, with its answer.
   */
  record Reached(HolderIdentity state, Optional<ArmFailure> firstError, Map<UserAssignedIdentityId, ArmFailure> refused)
      implements ApplyResult {
    public Reached {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(firstError, "firstError");
      refused = Map.copyOf(refused);
    }
  }

  /** The VM or scale set could not even be read: nothing is known, nothing may be concluded. */
  record Failed(ArmFailure failure) implements ApplyResult {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
