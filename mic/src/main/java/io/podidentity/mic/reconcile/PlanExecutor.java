package io.podidentity.mic.reconcile;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.plan.AssignmentPlan;
import io.podidentity.common.port.AssignedIdentityStore;
import io.podidentity.common.port.ClusterEvent;
import io.podidentity.common.port.EventSink;
import io.podidentity.common.port.StoreResult;
import java.util.List;
import java.util.logging.Logger;

/**
 * Applies a plan: the batches of different VMs and scale sets in parallel (at most {@code --createDeleteBatch} at
 * once), and the assigned identities of vanished nodes deleted without any ARM call ({@code binding removed}).
 */
final class PlanExecutor {
  private static final Logger LOG = Logger.getLogger(PlanExecutor.class.getName());

  private final TargetExecutor targets;
  private final AssignedIdentityStore store;
  private final EventSink events;
  private final BoundedParallel parallel;

  PlanExecutor(TargetExecutor targets, AssignedIdentityStore store, EventSink events, BoundedParallel parallel) {
    this.targets = targets;
    this.store = store;
    this.events = events;
    this.parallel = parallel;
  }

  ExecutionReport execute(AssignmentPlan plan) {
    List<Boolean> orphans = parallel.map(plan.orphans(), this::deleteOrphan);
    long deleted = orphans.stream().filter(ok -> ok).count();
    List<TargetReport> reports = parallel.map(plan.targets(), work -> {
      LOG.info(() -> "process " + work.target() + ", add [" + work.creates().size() + "], del ["
          + work.removes().size() + "], update [" + work.updates().size() + "], retry [" + work.confirms().size()
          + "]");
      return targets.run(work);
    });
    return ExecutionReport.of(reports, (int) deleted, deleted < orphans.size());
  }

  // The node is gone, and with it the VM or its place in the scale set: nothing to detach.
  private boolean deleteOrphan(AssignedIdentity orphan) {
    LOG.info(() -> "delete assigned identity " + orphan.ref() + " as node " + orphan.nodeName() + " is not found");
    StoreResult result = store.delete(orphan);
    ClusterEvent event = switch (result) {
      case StoreResult.Done done -> EventMessages.removed(orphan);
      case StoreResult.Failed failed -> EventMessages.removeFailed(orphan, failed.error());
    };
    if (!result.succeeded()) {
      LOG.warning(event::message);
    }
    events.record(event);
    return result.succeeded();
  }
}
