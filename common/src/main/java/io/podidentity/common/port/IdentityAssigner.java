package io.podidentity.common.port;

import io.podidentity.common.plan.ComputeTarget;
import io.podidentity.common.plan.IdentityPatch;

/**
 * Reads and changes the user-assigned identities of a VM or scale set through ARM. Each call is one request (a
 * PATCH waits for its long-running operation); failures come back classified, never thrown.
 */
public interface IdentityAssigner {

  /** GET the VM or scale set and return its identity block. */
  IdentityRead read(ComputeTarget target);

  /** PATCH the identity block with {@code patch} and wait until ARM has applied it. */
  ArmOutcome apply(ComputeTarget target, IdentityPatch patch);
}
