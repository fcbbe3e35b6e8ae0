package io.podidentity.mic.reconcile;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.UserAssignedIdentityId;
import io.podidentity.common.plan.AssignmentVerification;
import io.podidentity.common.plan.IdentityChange;
import io.podidentity.common.plan.TargetWork;
import io.podidentity.common.port.ArmFailure;
import io.podidentity.common.port.ClusterEvent;
import io.podidentity.common.port.EventSink;
import io.podidentity.common.port.EventTarget;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Runs one VM's or scale set's batch in the fixed order that lets any later sync repair a crash: write assigned
 * identities as {@code Created}, apply the identity delta (one GET, delta PATCHes), judge from the result what got
 * through, then mark {@code Assigned} or delete.
 */
final class TargetExecutor {
  private static final Logger LOG = Logger.getLogger(TargetExecutor.class.getName());

  private final AssignedIdentityWriter writer;
  private final IdentityApplier applier;
  private final BatchFinisher finisher;
  private final Quarantine quarantine;
  private final boolean isolate;
  private final EventSink events;
  private final Clock clock;

  TargetExecutor(AssignedIdentityWriter writer, IdentityApplier applier, BatchFinisher finisher, Quarantine quarantine,
      boolean isolate, EventSink events, Clock clock) {
    this.writer = writer;
    this.applier = applier;
    this.finisher = finisher;
    this.quarantine = quarantine;
    this.isolate = isolate;
    this.events = events;
    this.clock = clock;
  }

  TargetReport run(TargetWork planned) {
    Set<ObjectRef> unwritten = writer.writeCreated(planned);
    Set<UserAssignedIdentityId> skipped = new HashSet<>(planned.change().add());
    skipped.retainAll(isolate ? quarantine.active(clock.instant()) : Set.of());
    TargetWork written = planned.withoutUnwritten(unwritten);
    Set<UserAssignedIdentityId> attempt = new HashSet<>(written.change().add());
    attempt.removeAll(skipped);
    TargetWork work = written.withChange(written.change().addingOnly(attempt));
    int writes = planned.creates().size() + planned.updates().size() - unwritten.size();
    return switch (applier.apply(work.target(), work.change())) {
      case ApplyResult.Unchanged u -> finish(work, writes, !unwritten.isEmpty(), unchanged(work, skipped),
          Optional.empty(), Map.of(), skipped);
      case ApplyResult.Reached r -> {
        quarantine.clear(attached(work.change(), r));
        reportRefused(work, r.refused());
        yield finish(work, writes, !unwritten.isEmpty(), AssignmentVerification.of(work, r.state()), r.firstError(),
            r.refused(), skipped);
      }
      case ApplyResult.Failed f -> {
        LOG.warning(() -> "failed to update user-assigned identities on " + work.target() + ", error: "
            + f.failure().message());
        yield new TargetReport(work.target(), writes, 0, 0, true, f.failure() instanceof ArmFailure.Throttled t
            ? Optional.of(t.retryAfter()) : Optional.empty());
      }
    };
  }

  private TargetReport finish(TargetWork work, int writes, boolean writeFailed, AssignmentVerification verification,
      Optional<ArmFailure> error, Map<UserAssignedIdentityId, ArmFailure> refused, Set<UserAssignedIdentityId> skipped) {
    java.util.function.Predicate<AssignedIdentity> attempted = a -> idOf(a).map(id -> !skipped.contains(id))
        .orElse(true);
    BatchFinisher.Finished finished = finisher.finish(verification, error.isEmpty(),
        a -> reason(a, work, error, refused), attempted);
    // Identities left out because quarantined come back when the quarantine ends; that schedules its own sync.
    boolean workLeft = writeFailed || finished.failedWrites() > 0 || !verification.stillAttached().isEmpty()
        || verification.notAssigned().stream().anyMatch(a -> attempted.test(a)
            && !idOf(a).map(refused::containsKey).orElse(false));
    return new TargetReport(work.target(), writes, finished.assigned(), finished.deleted(), workLeft, Optional.empty());
  }

  // Nothing had to change on Azure: every assigned identity is assigned, except those whose identity was left out.
  private static AssignmentVerification unchanged(TargetWork work, Set<UserAssignedIdentityId> skipped) {
    List<AssignedIdentity> waiting = work.toAssign().stream()
        .filter(a -> idOf(a).map(skipped::contains).orElse(false)).toList();
    List<AssignedIdentity> assigned = work.toAssign().stream().filter(a -> !waiting.contains(a)).toList();
    return new AssignmentVerification(assigned, waiting, work.removes(), List.of());
  }

  private static Set<UserAssignedIdentityId> attached(IdentityChange change, ApplyResult.Reached reached) {
    Set<UserAssignedIdentityId> attached = new HashSet<>();
    change.add().stream().filter(reached.state()::has).forEach(attached::add);
    return attached;
  }

  private void reportRefused(TargetWork work, Map<UserAssignedIdentityId, ArmFailure> refused) {
    if (!isolate || refused.isEmpty()) {
      return;
    }
    Set<ObjectRef> reported = new HashSet<>();
    for (AssignedIdentity a : work.toAssign()) {
      Optional<UserAssignedIdentityId> id = idOf(a);
      if (id.isPresent() && refused.containsKey(id.get()) && reported.add(a.identity().ref())) {
        String until = quarantine.strikeOf(id.get()).map(s -> s.until().toString()).orElse("later");
        ClusterEvent event = ClusterEvent.warning(EventTarget.identity(a.identity().ref()),
            Problem.IDENTITY_QUARANTINED, "ARM refused identity " + id.get() + " on " + work.target() + ": "
                + refused.get(id.get()).message() + "; it is left out of identity updates until " + until);
        LOG.warning(event::message);
        events.record(event);
      }
    }
  }

  private static String reason(AssignedIdentity a, TargetWork work, Optional<ArmFailure> error,
      Map<UserAssignedIdentityId, ArmFailure> refused) {
    Optional<UserAssignedIdentityId> id = idOf(a);
    if (id.isPresent() && refused.containsKey(id.get())) {
      return refused.get(id.get()).message();
    }
    return error.map(ArmFailure::message)
        .orElse("identity " + id.map(Object::toString).orElse("") + " is not on " + work.target());
  }

  private static Optional<UserAssignedIdentityId> idOf(AssignedIdentity a) {
    return a.identity().type() == io.podidentity.common.model.IdentityType.USER_ASSIGNED_MSI
        ? a.identity().resourceId() : Optional.empty();
  }
}
