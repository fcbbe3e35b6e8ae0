package io.podidentity.common.plan;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.IdentityType;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.model.UserAssignedIdentityId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sorts the diff into one batch per VM or scale set (§2.5 steps 7 to 10) and decides, per batch, which identities
 * to attach and which to detach. Work on a node that no longer exists is dropped, except removals, which become
 * orphans; work on a node whose compute resource is unknown is held back with a note.
 */
final class TargetBatches {
  private final ClusterSnapshot snapshot;
  private final PlannerSettings settings;
  private final UsageIndex usage;
  private final Map<ComputeTarget, Batch> batches = new HashMap<>();
  private final List<AssignedIdentity> orphans = new ArrayList<>();
  private final Map<PodRef, PlanNote> held = new LinkedHashMap<>();

  TargetBatches(ClusterSnapshot snapshot, PlannerSettings settings, UsageIndex usage) {
    this.snapshot = snapshot;
    this.settings = settings;
    this.usage = usage;
  }

  void create(AssignedIdentity created) {
    batchFor(created).ifPresent(batch -> batch.creates.add(attach(batch, created)));
  }

  void confirm(AssignedIdentity existing) {
    batchFor(existing).ifPresent(batch -> batch.confirms.add(attach(batch, existing)));
  }

  void update(AssignedUpdate update) {
    Optional<Batch> batch = batchFor(update.after());
    if (batch.isEmpty()) {
      return;
    }
    batch.get().updates.add(update);
    attach(batch.get(), update.after());
    if (snapshot.placement(update.before().nodeName()) instanceof NodePlacement.Placed placed) {
      detachIfUnused(batches.computeIfAbsent(placed.target(), t -> new Batch()), placed.target(), update.before());
    }
  }

  void remove(AssignedIdentity existing) {
    switch (snapshot.placement(existing.nodeName())) {
      case null -> orphans.add(existing);
      case NodePlacement.Unplaceable unplaceable -> { }
      case NodePlacement.Placed placed -> {
        Batch batch = batches.computeIfAbsent(placed.target(), t -> new Batch());
        batch.removes.add(existing);
        detachIfUnused(batch, placed.target(), existing);
      }
    }
  }

  AssignmentPlan plan(List<PlanNote> earlierNotes) {
    List<TargetWork> works = new ArrayList<>(batches.size());
    batches.forEach((target, batch) -> works.add(batch.toWork(target)));
    works.removeIf(TargetWork::isEmpty);
    works.sort(Comparator.comparing(w -> w.target().armId().toLowerCase(Locale.ROOT)));
    List<PlanNote> notes = new ArrayList<>(earlierNotes);
    notes.addAll(held.values());
    return new AssignmentPlan(works, orphans, notes);
  }

  private Optional<Batch> batchFor(AssignedIdentity assigned) {
    return switch (snapshot.placement(assigned.nodeName())) {
      case null -> Optional.empty();
      case NodePlacement.Unplaceable unplaceable -> {
        held.putIfAbsent(assigned.pod(),
            new PlanNote.NodeNotPlaceable(assigned.pod(), assigned.nodeName(), unplaceable.reason()));
        yield Optional.empty();
      }
      case NodePlacement.Placed placed -> Optional.of(batches.computeIfAbsent(placed.target(), t -> new Batch()));
    };
  }

  private static AssignedIdentity attach(Batch batch, AssignedIdentity assigned) {
    if (assigned.identity().type() == IdentityType.USER_ASSIGNED_MSI) {
      assigned.identity().resourceId().ifPresent(batch.add::add);
    }
    return assigned;
  }

  // §2.5 step 8: only an identity MIC attached (state Assigned, or no state from before v1.5), of type 0, not
  // immutable, and wanted by no other pod on the same VM or scale set.
  private void detachIfUnused(Batch batch, ComputeTarget target, AssignedIdentity existing) {
    AssignmentState state = existing.state();
    Optional<UserAssignedIdentityId> id = existing.identity().resourceId();
    if ((state == AssignmentState.ASSIGNED || state == AssignmentState.LEGACY_UNSET)
        && existing.identity().type() == IdentityType.USER_ASSIGNED_MSI
        && id.isPresent()
        && !settings.isImmutable(existing.identity().clientId())
        && !usage.usedByAnotherPod(target, id.get(), existing.pod())) {
      batch.remove.add(id.get());
    }
  }

  /** The work on one target while it is being collected. */
  private static final class Batch {
    final List<AssignedIdentity> creates = new ArrayList<>();
    final List<AssignedUpdate> updates = new ArrayList<>();
    final List<AssignedIdentity> confirms = new ArrayList<>();
    final List<AssignedIdentity> removes = new ArrayList<>();
    final Set<UserAssignedIdentityId> add = new HashSet<>();
    final Set<UserAssignedIdentityId> remove = new HashSet<>();

    TargetWork toWork(ComputeTarget target) {
      return new TargetWork(target, creates, updates, confirms, removes, new IdentityChange(add, remove));
    }
  }
}
