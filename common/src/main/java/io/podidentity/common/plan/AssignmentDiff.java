package io.podidentity.common.plan;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.ObjectRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Desired against current assigned identities (§2.5 steps 4 to 6), keyed by namespace and name. A current one
 * "matches" a desired one when binding and identity are the same objects at the same resourceVersions and pod,
 * namespace and node agree; a match not yet assigned is confirmed again, a non-match is updated in place, and a
 * current one nobody desires is removed.
 */
record AssignmentDiff(
    List<AssignedIdentity> creates,
    List<AssignedUpdate> updates,
    List<AssignedIdentity> confirms,
    List<AssignedIdentity> removes) {

  static AssignmentDiff between(Map<ObjectRef, AssignedIdentity> desired, Collection<AssignedIdentity> current) {
    Map<ObjectRef, AssignedIdentity> currentByRef = new HashMap<>(current.size() * 2);
    current.forEach(a -> currentByRef.put(a.ref(), a));
    List<AssignedIdentity> creates = new ArrayList<>();
    List<AssignedUpdate> updates = new ArrayList<>();
    List<AssignedIdentity> confirms = new ArrayList<>();
    for (AssignedIdentity wanted : desired.values()) {
      AssignedIdentity existing = currentByRef.get(wanted.ref());
      if (existing == null) {
        creates.add(wanted);
      } else if (!matches(existing, wanted)) {
        updates.add(new AssignedUpdate(existing, inPlaceOf(existing, wanted)));
      } else if (needsConfirmation(existing.state())) {
        confirms.add(existing);
      }
    }
    List<AssignedIdentity> removes = new ArrayList<>();
    for (AssignedIdentity existing : current) {
      if (!desired.containsKey(existing.ref())) {
        removes.add(existing);
      }
    }
    return new AssignmentDiff(creates, updates, confirms, removes);
  }

  /** The original's match: same binding and identity at the same resourceVersions, same pod and node. */
  static boolean matches(AssignedIdentity current, AssignedIdentity desired) {
    return current.binding().ref().equals(desired.binding().ref())
        && current.binding().resourceVersion().equals(desired.binding().resourceVersion())
        && current.identity().ref().equals(desired.identity().ref())
        && current.identity().resourceVersion().equals(desired.identity().resourceVersion())
        && current.pod().equals(desired.pod())
        && current.nodeName().equals(desired.nodeName());
  }

  // Unassigned means "taken off the node, about to be deleted"; if it is wanted again it must be re-attached, or
  // NMI would never serve it (the original leaves it stuck).
  private static boolean needsConfirmation(AssignmentState state) {
    return state == AssignmentState.CREATED || state == AssignmentState.UNASSIGNED;
  }

  private static AssignedIdentity inPlaceOf(AssignedIdentity existing, AssignedIdentity wanted) {
    return new AssignedIdentity(existing.ref(), existing.resourceVersion(), wanted.identity(), wanted.binding(),
        wanted.pod(), wanted.nodeName(), AssignmentState.CREATED);
  }
}
