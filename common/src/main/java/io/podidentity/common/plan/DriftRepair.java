package io.podidentity.common.plan;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.IdentityType;
import io.podidentity.common.model.UserAssignedIdentityId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The identity-assignment reconciler's decisions (§2.7): the assigned identities in state {@code Assigned} are the
 * truth, so every user-assigned identity they name must be on their VM or scale set. Only missing identities are
 * added back; nothing is ever removed here.
 */
public final class DriftRepair {
  private DriftRepair() {}

  /** The identities each VM or scale set must hold, from the {@code Assigned} ones on nodes that exist. */
  public static Map<ComputeTarget, Set<UserAssignedIdentityId>> expected(ClusterSnapshot snapshot) {
    Map<ComputeTarget, Set<UserAssignedIdentityId>> expected = new HashMap<>();
    for (AssignedIdentity assigned : snapshot.assigned()) {
      if (assigned.state() != AssignmentState.ASSIGNED
          || assigned.identity().type() != IdentityType.USER_ASSIGNED_MSI
          || assigned.identity().resourceId().isEmpty()
          || !(snapshot.placement(assigned.nodeName()) instanceof NodePlacement.Placed placed)) {
        continue;
      }
      expected.computeIfAbsent(placed.target(), t -> new HashSet<>()).add(assigned.identity().resourceId().get());
    }
    return expected;
  }

  /** The adds that put back what is missing on one target; empty when nothing is. */
  public static IdentityChange missing(Set<UserAssignedIdentityId> expected, HolderIdentity actual) {
    Set<UserAssignedIdentityId> add = new HashSet<>();
    for (UserAssignedIdentityId id : expected) {
      if (!actual.has(id)) {
        add.add(id);
      }
    }
    return new IdentityChange(add, Set.of());
  }
}
