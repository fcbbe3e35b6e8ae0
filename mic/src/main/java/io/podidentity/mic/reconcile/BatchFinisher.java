package io.podidentity.mic.reconcile;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.plan.AssignmentVerification;
import io.podidentity.common.port.AssignedIdentityStore;
import io.podidentity.common.port.ClusterEvent;
import io.podidentity.common.port.EventSink;
import io.podidentity.common.port.StoreResult;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The last step of a batch, from what the VM or scale set really holds: assigned ones become {@code Assigned}
 * ({@code binding applied}); removed ones become {@code Unassigned} and are deleted (after a failure they are
 * deleted directly, as the original does); the rest wait for the next sync. Writes run in parallel, bounded.
 */
final class BatchFinisher {
  private static final Logger LOG = Logger.getLogger(BatchFinisher.class.getName());

  private final AssignedIdentityStore store;
  private final EventSink events;
  private final BoundedParallel parallel;

  BatchFinisher(AssignedIdentityStore store, EventSink events, BoundedParallel parallel) {
    this.store = store;
    this.events = events;
    this.parallel = parallel;
  }

  /** Counts of what was finished. */
  record Finished(int assigned, int deleted, int failedWrites) {}

  /**
   * @param clean the update went through without any failure (the original's success path)
   * @param unattachedReason why an identity is not on the target, for assigned identities that were attempted
   * @param attempted whether an assigned identity left {@code Created} was attempted (quarantined ones were not)
   */
  Finished finish(AssignmentVerification verification, boolean clean, Function<AssignedIdentity, String> unattachedReason,
      java.util.function.Predicate<AssignedIdentity> attempted) {
    for (AssignedIdentity waiting : verification.notAssigned()) {
      if (attempted.test(waiting)) {
        ClusterEvent event = EventMessages.applyFailed(waiting, unattachedReason.apply(waiting));
        LOG.warning(event::message);
        events.record(event);
      }
    }
    verification.stillAttached().forEach(a -> LOG.warning(() -> "failed to remove AzureIdentityBinding "
        + a.binding().ref().name() + " from node " + a.nodeName() + " for pod " + a.pod() + ", will retry"));
    List<Boolean> assigned = parallel.map(verification.assigned(), a -> markAssigned(a, clean));
    List<Boolean> deleted = parallel.map(verification.deletable(), a -> clean ? unassignAndDelete(a) : delete(a));
    int assignedCount = (int) assigned.stream().filter(ok -> ok).count();
    int deletedCount = (int) deleted.stream().filter(ok -> ok).count();
    return new Finished(assignedCount, deletedCount,
        assigned.size() - assignedCount + deleted.size() - deletedCount);
  }

  private boolean markAssigned(AssignedIdentity a, boolean clean) {
    StoreResult result = store.setState(a, AssignmentState.ASSIGNED);
    if (result instanceof StoreResult.Failed failed) {
      report(EventMessages.statusFailed(a, AssignmentState.ASSIGNED, !clean, failed.error()));
      return false;
    }
    LOG.info(() -> "assign identity " + a.identity().ref() + " to node " + a.nodeName() + " for pod " + a.pod());
    events.record(EventMessages.applied(a, !clean));
    return true;
  }

  private boolean unassignAndDelete(AssignedIdentity a) {
    StoreResult result = store.setState(a, AssignmentState.UNASSIGNED);
    if (result instanceof StoreResult.Failed failed) {
      report(EventMessages.statusFailed(a, AssignmentState.UNASSIGNED, true, failed.error()));
      return false;
    }
    return delete(a);
  }

  private boolean delete(AssignedIdentity a) {
    StoreResult result = store.delete(a);
    if (result instanceof StoreResult.Failed failed) {
      LOG.warning(() -> "failed to remove AzureAssignedIdentity " + a.ref() + ", error: " + failed.error());
      return false;
    }
    LOG.info(() -> "delete assigned identity " + a.ref());
    return true;
  }

  private void report(ClusterEvent event) {
    LOG.warning(event::message);
    events.record(event);
  }
}
