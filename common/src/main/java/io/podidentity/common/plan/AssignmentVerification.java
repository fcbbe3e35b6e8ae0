package io.podidentity.common.plan;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.IdentityType;
import io.podidentity.common.model.UserAssignedIdentityId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a batch achieved, judged from the identities the VM or scale set actually holds afterwards (§2.5 step 11.4):
 * an assigned identity is assigned when its identity is there (or needs no attaching); a removed one may be deleted
 * unless MIC meant to detach its identity and it is still there. So after a partial failure good identities still
 * become {@code Assigned} and bad ones stay {@code Created}.
 *
 * @param assigned to be marked {@code Assigned}
 * @param notAssigned to stay {@code Created}: their identity is not on the target
 * @param deletable to be deleted: their identity is off the target, or was never to be detached
 * @param stillAttached to be kept for the next sync: their identity should have been detached but is still there
 */
public record AssignmentVerification(
    List<AssignedIdentity> assigned,
    List<AssignedIdentity> notAssigned,
    List<AssignedIdentity> deletable,
    List<AssignedIdentity> stillAttached) {

  public AssignmentVerification {
    assigned = List.copyOf(assigned);
    notAssigned = List.copyOf(notAssigned);
    deletable = List.copyOf(deletable);
    stillAttached = List.copyOf(stillAttached);
  }

  public static AssignmentVerification of(TargetWork work, HolderIdentity actual) {
    List<AssignedIdentity> assigned = new ArrayList<>();
    List<AssignedIdentity> notAssigned = new ArrayList<>();
    for (AssignedIdentity wanted : work.toAssign()) {
      Optional<UserAssignedIdentityId> id = attachable(wanted);
      (id.isEmpty() || actual.has(id.get()) ? assigned : notAssigned).add(wanted);
    }
    List<AssignedIdentity> deletable = new ArrayList<>();
    List<AssignedIdentity> stillAttached = new ArrayList<>();
    for (AssignedIdentity removed : work.removes()) {
      Optional<UserAssignedIdentityId> id = attachable(removed);
      boolean meantToDetach = id.isPresent() && work.change().remove().contains(id.get())
          && !work.change().add().contains(id.get());
      (meantToDetach && actual.has(id.get()) ? stillAttached : deletable).add(removed);
    }
    return new AssignmentVerification(assigned, notAssigned, deletable, stillAttached);
  }

  /** Whether everything came out as planned. */
  public boolean complete() {
    return notAssigned.isEmpty() && stillAttached.isEmpty();
  }

  private static Optional<UserAssignedIdentityId> attachable(AssignedIdentity assigned) {
    return assigned.identity().type() == IdentityType.USER_ASSIGNED_MSI
        ? assigned.identity().resourceId()
        : Optional.empty();
  }
}
