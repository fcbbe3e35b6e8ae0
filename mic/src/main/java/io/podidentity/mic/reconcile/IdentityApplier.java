package io.podidentity.mic.reconcile;

import io.podidentity.common.model.UserAssignedIdentityId;
import io.podidentity.common.plan.ComputeTarget;
import io.podidentity.common.plan.HolderIdentity;
import io.podidentity.common.plan.IdentityChange;
import io.podidentity.common.plan.IdentityPatch;
import io.podidentity.common.plan.IdentityPatches;
import io.podidentity.common.port.ArmFailure;
import io.podidentity.common.port.ArmOutcome;
import io.podidentity.common.port.IdentityAssigner;
import io.podidentity.common.port.IdentityRead;
import io.podidentity.mic.config.MicSettings;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Carries an identity change onto one VM or scale set (§2.6): one GET, then the delta PATCHes. When ARM refuses
 * identities by name ({@code FailedIdentityOperation}, {@code LinkedAuthorizationFailed}), they are dropped and the
 * rest is retried: at once, with the refused ones quarantined, or as the original did ({@code
 * --update-user-msi-max-retry} retries, {@code --update-user-msi-retry-interval} apart). After any other failure
 * the VM or scale set is read again, so the caller can tell what did get through.
 */
final class IdentityApplier {
  private static final Logger LOG = Logger.getLogger(IdentityApplier.class.getName());
  private static final int MAX_ISOLATION_ROUNDS = 10;

  private final IdentityAssigner assigner;
  private final Quarantine quarantine;
  private final MicSettings.ArmSettings settings;
  private final Clock clock;

  IdentityApplier(IdentityAssigner assigner, Quarantine quarantine, MicSettings.ArmSettings settings, Clock clock) {
    this.assigner = assigner;
    this.quarantine = quarantine;
    this.settings = settings;
    this.clock = clock;
  }

  ApplyResult apply(ComputeTarget target, IdentityChange change) {
    if (change.isEmpty()) {
      return new ApplyResult.Unchanged();
    }
    return switch (assigner.read(target)) {
      case ArmFailure failure -> new ApplyResult.Failed(failure);
      case IdentityRead.Found found -> found.deleting()
          ? new ApplyResult.Reached(found.identity(), Optional.of(new ArmFailure.Rejected("ResourceDeleting",
              "failed to update identities for " + target + ", it is in Deleting provisioning state", java.util.Set.of())),
              Map.of())
          : update(target, found.identity(), change);
    };
  }

  /** Applies {@code change} to a target whose identities were just read as {@code start}. */
  ApplyResult update(ComputeTarget target, HolderIdentity start, IdentityChange change) {
    LOG.info(() -> "update user-assigned identities on " + target + ", assign [" + change.add().size()
        + "], unassign [" + change.remove().size() + "]");
    HolderIdentity state = start;
    Map<UserAssignedIdentityId, ArmFailure> refused = new HashMap<>();
    Optional<ArmFailure> firstError = Optional.empty();
    IdentityChange remaining = change;
    for (int round = 0; ; round++) {
      Step step = patchAll(target, state, remaining);
      state = step.state();
      if (step.failure().isEmpty()) {
        return new ApplyResult.Reached(state, firstError, refused);
      }
      ArmFailure failure = step.failure().get();
      firstError = firstError.or(() -> Optional.of(failure));
      if (failure instanceof ArmFailure.Throttled) {
        return new ApplyResult.Failed(failure);
      }
      Optional<IdentityChange> retry = retryWithout(failure, remaining, round, refused);
      if (retry.isEmpty()) {
        return verify(target, state, firstError, refused);
      }
      remaining = retry.get();
      pauseBeforeRetry();
    }
  }

  /** The change without the identities ARM refused by name, if that leaves something worth retrying. */
  private Optional<IdentityChange> retryWithout(ArmFailure failure, IdentityChange change, int round,
      Map<UserAssignedIdentityId, ArmFailure> refused) {
    if (!(failure instanceof ArmFailure.Rejected rejected) || rejected.offendingIds().isEmpty()) {
      return Optional.empty();
    }
    int limit = settings.isolateFailingIdentities() ? MAX_ISOLATION_ROUNDS : settings.updateMaxRetry();
    rejected.offendingIds().forEach(id -> refused.put(id, failure));
    if (settings.isolateFailingIdentities()) {
      quarantine.strike(rejected.offendingIds(), clock.instant(), failure.message());
    }
    IdentityChange rest = change.without(rejected.offendingIds());
    if (round >= limit || rest.isEmpty() || rest.equals(change)) {
      return Optional.empty();
    }
    LOG.info(() -> "retry identity update without refused identities " + rejected.offendingIds());
    return Optional.of(rest);
  }

  private Step patchAll(ComputeTarget target, HolderIdentity start, IdentityChange change) {
    HolderIdentity state = start;
    for (IdentityPatch patch : IdentityPatches.between(state, change)) {
      ArmOutcome outcome = assigner.apply(target, patch);
      switch (outcome) {
        case ArmOutcome.Applied applied -> state = applied.result();
        case ArmFailure failure -> {
          return new Step(state, Optional.of(failure));
        }
      }
    }
    return new Step(state, Optional.empty());
  }

  private ApplyResult verify(ComputeTarget target, HolderIdentity known, Optional<ArmFailure> firstError,
      Map<UserAssignedIdentityId, ArmFailure> refused) {
    LOG.warning(() -> "failed to update user-assigned identities on " + target + ", error: "
        + firstError.map(ArmFailure::message).orElse("") + "; reading it back to see what was applied");
    return switch (assigner.read(target)) {
      case ArmFailure failure -> new ApplyResult.Failed(failure);
      case IdentityRead.Found found -> new ApplyResult.Reached(found.identity(), firstError, refused);
    };
  }

  // The original slept between retries; with failing identities isolated the rest is retried at once.
  private void pauseBeforeRetry() {
    if (settings.isolateFailingIdentities() || settings.updateRetryInterval().isZero()) {
      return;
    }
    // A delayed no-op waited for on this worker thread; the sync thread must stay free to run other work.
    CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(settings.updateRetryInterval().toMillis(),
        TimeUnit.MILLISECONDS)).join();
  }

  private record Step(HolderIdentity state, Optional<ArmFailure> failure) {}
}
