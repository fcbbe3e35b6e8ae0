package io.podidentity.nmi.kubernetes;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Assigned identities by the pod they were written for, kept current from assigned-identity events. */
final class AssignmentIndex {
  private final Map<PodRef, Map<ObjectRef, AssignedIdentity>> byPod = new ConcurrentHashMap<>();

  void replace(Optional<AssignedIdentity> before, Optional<AssignedIdentity> after) {
    before.ifPresent(a -> byPod.computeIfPresent(a.pod(), (pod, map) -> {
      map.remove(a.ref());
      return map.isEmpty() ? null : map;
    }));
    after.ifPresent(a -> byPod.computeIfAbsent(a.pod(), pod -> new ConcurrentHashMap<>()).put(a.ref(), a));
  }

  List<AssignedIdentity> of(PodRef pod) {
    Map<ObjectRef, AssignedIdentity> map = byPod.get(pod);
    return map == null ? List.of() : List.copyOf(map.values());
  }
}
