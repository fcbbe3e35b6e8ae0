package io.podidentity.mic.reconcile;

import io.podidentity.common.model.UserAssignedIdentityId;
import io.podidentity.common.plan.ComputeTarget;
import io.podidentity.common.plan.DriftRepair;
import io.podidentity.common.plan.IdentityChange;
import io.podidentity.common.port.ArmFailure;
import io.podidentity.common.port.IdentityAssigner;
import io.podidentity.common.port.IdentityRead;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The identity-assignment reconciler (§2.7): every {@code --identity-assignment-reconcile-interval} it puts back
 * identities of {@code Assigned} assigned identities that were detached behind MIC's back. One GET per VM or scale
 * set that should hold something; a PATCH only where something is missing; never a removal.
 */
public final class DriftReconciler {
  private static final Logger LOG = Logger.getLogger(DriftReconciler.class.getName());

  private final SnapshotSource source;
  private final IdentityAssigner assigner;
  private final IdentityApplier applier;

  DriftReconciler(SnapshotSource source, IdentityAssigner assigner, IdentityApplier applier) {
    this.source = source;
    this.assigner = assigner;
    this.applier = applier;
  }

  /** Runs one pass; returns how many VMs and scale sets got identities back. */
  public int reconcile() {
    int repaired = 0;
    for (Map.Entry<ComputeTarget, Set<UserAssignedIdentityId>> entry
        : DriftRepair.expected(source.capture().snapshot()).entrySet()) {
      if (repair(entry.getKey(), entry.getValue())) {
        repaired++;
      }
    }
    return repaired;
  }

  private boolean repair(ComputeTarget target, Set<UserAssignedIdentityId> expected) {
    IdentityRead read = assigner.read(target);
    if (!(read instanceof IdentityRead.Found found)) {
      LOG.warning(() -> "failed to read identities of " + target + " to reconcile them, error: "
          + ((ArmFailure) read).message());
      return false;
    }
    IdentityChange missing = DriftRepair.missing(expected, found.identity());
    if (missing.isEmpty() || found.deleting()) {
      return false;
    }
    LOG.info(() -> "reconcile identity assignment for " + missing.add() + " on " + target);
    return switch (applier.update(target, found.identity(), missing)) {
      case ApplyResult.Reached r when r.firstError().isEmpty() -> true;
      case ApplyResult.Reached r -> {
        LOG.warning(() -> "failed to re-add identities on " + target + ", error: " + r.firstError().get().message());
        yield false;
      }
      case ApplyResult.Failed f -> {
        LOG.warning(() -> "failed to re-add identities on " + target + ", error: " + f.failure().message());
        yield false;
      }
      case ApplyResult.Unchanged u -> false;
    };
  }
}
