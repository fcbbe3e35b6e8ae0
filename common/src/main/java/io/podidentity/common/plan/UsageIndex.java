package io.podidentity.common.plan;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.model.UserAssignedIdentityId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which pods want each user-assigned identity on each VM or scale set, built once per plan from the desired assigned
 * identities, so "is this identity still used by another pod on this VM, or anywhere on this scale set?" (§2.5 step
 * 8) is a map lookup instead of a scan.
 */
final class UsageIndex {
  private final Map<ComputeTarget, Map<UserAssignedIdentityId, Set<PodRef>>> users = new HashMap<>();

  UsageIndex(Collection<AssignedIdentity> desired, ClusterSnapshot snapshot) {
    for (AssignedIdentity wanted : desired) {
      if (wanted.identity().resourceId().isEmpty()
          || !(snapshot.placement(wanted.nodeName()) instanceof NodePlacement.Placed placed)) {
        continue;
      }
      users.computeIfAbsent(placed.target(), t -> new HashMap<>())
          .computeIfAbsent(wanted.identity().resourceId().get(), id -> new HashSet<>(2))
          .add(wanted.pod());
    }
  }

  /** Whether a pod other than {@code pod} wants {@code identity} on {@code target}. */
  boolean usedByAnotherPod(ComputeTarget target, UserAssignedIdentityId identity, PodRef pod) {
    Set<PodRef> pods = users.getOrDefault(target, Map.of()).get(identity);
    if (pods == null) {
      return false;
    }
    return pods.size() > 1 || !pods.contains(pod);
  }
}
