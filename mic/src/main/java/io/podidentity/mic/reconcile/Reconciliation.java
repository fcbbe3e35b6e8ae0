package io.podidentity.mic.reconcile;

import io.podidentity.common.plan.PlannerSettings;
import io.podidentity.common.port.AssignedIdentityStore;
import io.podidentity.common.port.EventSink;
import io.podidentity.common.port.IdentityAssigner;
import io.podidentity.mic.config.MicSettings;
import io.podidentity.mic.metrics.MicMetrics;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * MIC's reconciliation assembled from its ports: the sync loop, the one-sync reconciler, the drift reconciler and
 * the quarantine they share. Plain Java, so the runtime, component tests and two-instance integration tests all
 * build it the same way.
 *
 * @param syncThread a single-threaded scheduler: syncs and drift passes run on it, one at a time
 * @param workers a pool for the parallel batches and API writes (bounded by {@code --createDeleteBatch})
 */
public record Reconciliation(SyncLoop loop, AssignmentReconciler reconciler, DriftReconciler drift,
    Quarantine quarantine) {

  /** The ports and infrastructure the reconciliation works with. */
  public record Ports(SnapshotSource source, IdentityAssigner assigner, AssignedIdentityStore store, EventSink events) {}

  public static Reconciliation assemble(Ports ports, Supplier<PlannerSettings> plannerSettings, MicSettings settings,
      MicMetrics metrics, Clock clock, ExecutorService workers, ScheduledExecutorService syncThread) {
    MicSettings.ArmSettings arm = settings.arm();
    MicSettings.SyncSettings sync = settings.sync();
    BoundedParallel parallel = new BoundedParallel(workers, settings.kubernetes().createDeleteBatch());
    Quarantine quarantine = new Quarantine(arm.quarantineInitial(), arm.quarantineMax());
    IdentityApplier applier = new IdentityApplier(ports.assigner(), quarantine, arm, clock);
    TargetExecutor targets = new TargetExecutor(new AssignedIdentityWriter(ports.store(), ports.events(), parallel),
        applier, new BatchFinisher(ports.store(), ports.events(), parallel), quarantine,
        arm.isolateFailingIdentities(), ports.events(), clock);
    PlanExecutor executor = new PlanExecutor(targets, ports.store(), ports.events(), parallel);
    AssignmentReconciler reconciler = new AssignmentReconciler(ports.source(), plannerSettings, executor,
        new ProblemReporter(ports.events()), quarantine,
        new RetryBackoff(sync.retryBackoffInitial(), sync.retryBackoffMax()), metrics, clock);
    DriftReconciler drift = new DriftReconciler(ports.source(), ports.assigner(), applier);
    return new Reconciliation(new SyncLoop(reconciler, drift, syncThread, clock, sync), reconciler, drift, quarantine);
  }
}
