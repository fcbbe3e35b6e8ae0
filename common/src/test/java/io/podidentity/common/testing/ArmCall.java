package io.podidentity.common.testing;

import io.podidentity.common.plan.ComputeTarget;
import io.podidentity.common.plan.IdentityPatch;

/** One call a {@link FakeIdentityAssigner} received, in order. */
public sealed interface ArmCall {
  ComputeTarget target();

  record Read(ComputeTarget target) implements ArmCall {}

  record Patch(ComputeTarget target, IdentityPatch patch) implements ArmCall {}
}
