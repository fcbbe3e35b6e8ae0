package io.podidentity.common.plan;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.UserAssignedIdentityId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * All of one sync's work on one VM or scale set, done as one batch: write the new and changed assigned identities
 * as {@code Created}, apply {@code change} with one read and a delta update, then mark {@code creates}, {@code
 * updates} and {@code confirms} {@code Assigned} and delete {@code removes}.
 *
 * @param creates assigned identities to create, in state {@code Created}
 * @param updates assigned identities to rewrite in place, back to {@code Created}
 * @param confirms assigned identities that exist unchanged but are not yet assigned (retried every sync)
 * @param removes assigned identities to delete once their identity is off the target (or needs no removal)
 */
public record TargetWork(
    ComputeTarget target,
    List<AssignedIdentity> creates,
    List<AssignedUpdate> updates,
    List<AssignedIdentity> confirms,
    List<AssignedIdentity> removes,
    IdentityChange change) {

  public TargetWork {
    Objects.requireNonNull(target, "target");
    creates = List.copyOf(creates);
    updates = List.copyOf(updates);
    confirms = List.copyOf(confirms);
    removes = List.copyOf(removes);
    Objects.requireNonNull(change, "change");
  }

  /** Every assigned identity that should end up {@code Assigned}: creates, updated ones and confirms. */
  public List<AssignedIdentity> toAssign() {
    List<AssignedIdentity> all = new ArrayList<>(creates.size() + updates.size() + confirms.size());
    all.addAll(creates);
    updates.forEach(u -> all.add(u.after()));
    all.addAll(confirms);
    return all;
  }

  /**
   * This work after some creates or updates could not be written: those are dropped, and only identities of
   * assigned identities that exist are still attached, so nothing is attached for an object that is not there.
   */
  public TargetWork withoutUnwritten(Set<ObjectRef> unwritten) {
    if (unwritten.isEmpty()) {
      return this;
    }
    List<AssignedIdentity> keptCreates = creates.stream().filter(a -> !unwritten.contains(a.ref())).toList();
    List<AssignedUpdate> keptUpdates = updates.stream().filter(u -> !unwritten.contains(u.after().ref())).toList();
    TargetWork kept = new TargetWork(target, keptCreates, keptUpdates, confirms, removes, change);
    return kept.withChange(change.addingOnly(kept.attachedIdentities()));
  }

  /** This work with another identity change (after dropping refused or quarantined identities). */
  public TargetWork withChange(IdentityChange newChange) {
    return new TargetWork(target, creates, updates, confirms, removes, newChange);
  }

  /** Whether nothing is to be written and nothing to be changed on Azure. */
  public boolean isEmpty() {
    return creates.isEmpty() && updates.isEmpty() && confirms.isEmpty() && removes.isEmpty() && change.isEmpty();
  }

  private Set<UserAssignedIdentityId> attachedIdentities() {
    Set<UserAssignedIdentityId> ids = new HashSet<>();
    toAssign().forEach(a -> a.identity().resourceId().ifPresent(ids::add));
    return ids;
  }
}
