package io.podidentity.mic.reconcile;

import io.podidentity.common.plan.PlannerSettings;
import io.podidentity.common.testing.FakeAssignedIdentityStore;
import io.podidentity.common.testing.FakeCluster;
import io.podidentity.common.testing.FakeEventSink;
import io.podidentity.common.testing.FakeIdentityAssigner;
import io.podidentity.mic.config.MicSettings;
import io.podidentity.mic.metrics.MicMetrics;
import io.podidentity.mic.testing.TestSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * MIC's reconciliation on fakes: a cluster of records, an in-memory ARM, a map of assigned identities and a list of
 * events. Tests change the cluster, call {@link #sync()} (or run the loop) and look at the fakes.
 */
final class ReconcileHarness implements AutoCloseable {
  final FakeAssignedIdentityStore store = new FakeAssignedIdentityStore();
  final FakeCluster cluster = new FakeCluster(store);
  final FakeIdentityAssigner arm = new FakeIdentityAssigner();
  final FakeEventSink events = new FakeEventSink();
  final List<Problem> problems = new ArrayList<>();
  final Set<String> immutable = new HashSet<>();
  final MicSettings settings;
  final Reconciliation reconciliation;
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final ScheduledExecutorService syncThread = Executors.newSingleThreadScheduledExecutor();

  ReconcileHarness(String... overrides) {
    settings = TestSettings.settings(overrides);
    SnapshotSource source = () -> new SnapshotSource.Captured(cluster.snapshot(), List.copyOf(problems));
    reconciliation = Reconciliation.assemble(new Reconciliation.Ports(source, arm, store, events),
        () -> new PlannerSettings(settings.forceNamespaced(), immutable, settings.releaseFinishedPods()), settings,
        new MicMetrics(), Clock.systemUTC(), workers, syncThread);
  }

  /** One sync on the calling thread. */
  Optional<Duration> sync() {
    return reconciliation.reconciler().sync();
  }

  /** Forgets the calls the fakes recorded so far (not their state). */
  void clearCalls() {
    arm.clearCalls();
    store.clearCalls();
    events.reset();
  }

  @Override
  public void close() {
    syncThread.shutdownNow();
    workers.shutdownNow();
  }
}
