package io.podidentity.mic.testing;

import io.podidentity.common.plan.PlannerSettings;
import io.podidentity.common.testing.FakeAssignedIdentityStore;
import io.podidentity.common.testing.FakeCluster;
import io.podidentity.common.testing.FakeEventSink;
import io.podidentity.common.testing.FakeIdentityAssigner;
import io.podidentity.mic.ClusterWatch;
import io.podidentity.mic.MicRuntime;
import io.podidentity.mic.config.MicSettings;
import io.podidentity.mic.metrics.MicMetrics;
import io.podidentity.mic.reconcile.Reconciliation;
import io.podidentity.mic.reconcile.SnapshotSource;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** A whole {@link MicRuntime} on fakes, for component tests of the CDI application and of the runtime itself. */
public final class FakeMic {
  public final FakeAssignedIdentityStore store = new FakeAssignedIdentityStore();
  public final FakeCluster cluster = new FakeCluster(store);
  public final FakeIdentityAssigner arm = new FakeIdentityAssigner();
  public final FakeEventSink events = new FakeEventSink();
  public final FakeLeadership leadership;
  public final AtomicInteger fatal = new AtomicInteger();
  public final MicRuntime runtime;

  public FakeMic(boolean leads, MicMetrics metrics, MicSettings settings) {
    this(leads, metrics, settings, () -> { });
  }

  /** @param leaderStartup what runs on winning leadership before syncing (the type upgrade in MIC) */
  public FakeMic(boolean leads, MicMetrics metrics, MicSettings settings, Runnable leaderStartup) {
    leadership = new FakeLeadership(leads);
    ScheduledExecutorService syncThread = Executors.newSingleThreadScheduledExecutor();
    var workers = Executors.newCachedThreadPool();
    SnapshotSource source = () -> new SnapshotSource.Captured(cluster.snapshot(), List.of());
    Reconciliation reconciliation = Reconciliation.assemble(new Reconciliation.Ports(source, arm, store, events),
        () -> new PlannerSettings(false, Set.of(), true), settings, metrics, Clock.systemUTC(), workers, syncThread);
    runtime = new MicRuntime(leadership, new SyncedWatch(), leaderStartup, reconciliation, fatal::incrementAndGet, metrics,
        syncThread, workers, List.of());
  }

  /** A watch whose caches are always synced; changes are announced by the test through the loop. */
  private static final class SyncedWatch implements ClusterWatch {
    @Override
    public void start(Runnable onChange) {}

    @Override
    public boolean hasSynced() {
      return true;
    }

    @Override
    public void close() {}
  }
}
