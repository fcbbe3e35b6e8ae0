package io.podidentity.common.plan;

import io.podidentity.common.model.AssignedIdentity;
import java.util.List;

/**
 * What one sync does: a batch per VM or scale set, the assigned identities of nodes that no longer exist (deleted
 * without calling ARM: the VM is gone), and notes about what was skipped. An unchanged, settled cluster gives a plan
 * without work.
 *
 * @param targets one batch per VM or scale set with work, ordered by ARM ID
 * @param orphans assigned identities whose node no longer exists
 */
public record AssignmentPlan(List<TargetWork> targets, List<AssignedIdentity> orphans, List<PlanNote> notes) {

  public AssignmentPlan {
    targets = List.copyOf(targets);
    orphans = List.copyOf(orphans);
    notes = List.copyOf(notes);
  }

  /** Whether executing the plan writes or calls anything. Notes alone are not work. */
  public boolean hasWork() {
    return !targets.isEmpty() || !orphans.isEmpty();
  }

  /** How many assigned identities the plan creates, updates, confirms or deletes, for logs. */
  public int size() {
    int n = orphans.size();
    for (TargetWork work : targets) {
      n += work.creates().size() + work.updates().size() + work.confirms().size() + work.removes().size();
    }
    return n;
  }
}
