package io.podidentity.common.plan;

/**
 * Decides one MIC sync (§2.5 of the original's behaviour): which assigned identities to create, rewrite, confirm and
 * delete, and which user-assigned identities to attach to and detach from each VM or scale set. A pure function of
 * the snapshot and the settings; its cost grows linearly with pods, bindings and assigned identities (plus sorting
 * the per-selector bindings and the targets).
 */
public final class AssignmentPlanner {
  private AssignmentPlanner() {}

  public static AssignmentPlan plan(ClusterSnapshot snapshot, PlannerSettings settings) {
    DesiredAssignments desired = DesiredAssignments.of(snapshot, settings);
    AssignmentDiff diff = AssignmentDiff.between(desired.byRef(), snapshot.assigned());
    TargetBatches batches = new TargetBatches(snapshot, settings, new UsageIndex(desired.byRef().values(), snapshot));
    diff.creates().forEach(batches::create);
    diff.updates().forEach(batches::update);
    diff.confirms().forEach(batches::confirm);
    diff.removes().forEach(batches::remove);
    return batches.plan(desired.notes());
  }
}
