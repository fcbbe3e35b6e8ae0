package io.podidentity.common.port;

import io.podidentity.common.plan.HolderIdentity;
import java.util.Objects;

/** The answer to an identity PATCH: applied (with the identities the resource holds now), or a failure. */
public sealed interface ArmOutcome permits ArmOutcome.Applied, ArmFailure {

  /** ARM applied the change; {@code result} is the identity block it reported afterwards. */
  record Applied(HolderIdentity result) implements ArmOutcome {
    public Applied {
      Objects.requireNonNull(result, "result");
    }
  }
}
