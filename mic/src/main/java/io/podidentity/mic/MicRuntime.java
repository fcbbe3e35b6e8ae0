package io.podidentity.mic;

import io.podidentity.mic.metrics.MicMetrics;
import io.podidentity.mic.reconcile.Reconciliation;
import io.podidentity.mic.reconcile.SyncLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One MIC, plain Java: competes for leadership, and on winning runs the leader start-up (the type upgrade), starts
 * the watches, waits for the caches and starts the sync loop (§2.2). The CDI producers wrap one; integration tests
 * run two in one JVM. Built by {@link MicWiring} for real, or from fakes.
 */
public final class MicRuntime implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MicRuntime.class.getName());
  private static final Duration SYNC_CHECK = Duration.ofMillis(50);

  private final Leadership leadership;
  private final ClusterWatch watch;
  private final Runnable leaderStartup;
  private final Reconciliation reconciliation;
  private final Runnable onFatal;
  private final MicMetrics metrics;
  private final ScheduledExecutorService syncThread;
  private final ExecutorService workers;
  private final List<AutoCloseable> resources;
  private final AtomicBoolean started = new AtomicBoolean();

  /**
   * @param onFatal ends the process: called when the lease is lost after leading or the leader start-up fails
   * @param resources closed with the runtime, in order
   */
  public MicRuntime(Leadership leadership, ClusterWatch watch, Runnable leaderStartup, Reconciliation reconciliation,
      Runnable onFatal, MicMetrics metrics, ScheduledExecutorService syncThread, ExecutorService workers,
      List<AutoCloseable> resources) {
    this.leadership = leadership;
    this.watch = watch;
    this.leaderStartup = leaderStartup;
    this.reconciliation = reconciliation;
    this.onFatal = onFatal;
    this.metrics = metrics;
    this.syncThread = syncThread;
    this.workers = workers;
    this.resources = List.copyOf(resources);
  }

  /** Starts competing for leadership; returns at once. */
  public void start() {
    if (started.compareAndSet(false, true)) {
      LOG.info("initiate MIC leader election");
      metrics.newLeaderElection();
      leadership.start(this::lead, () -> {
        LOG.severe("lost leader lease");
        onFatal.run();
      });
    }
  }

  public MicStatus status() {
    SyncLoop loop = reconciliation.loop();
    return new MicStatus(started.get(), leadership.isLeader(), loop.started(), loop.syncs());
  }

  public Reconciliation reconciliation() {
    return reconciliation;
  }

  public MicMetrics metrics() {
    return metrics;
  }

  private void lead() {
    try {
      leaderStartup.run();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "failed to start as leader, error: " + e.getMessage(), e);
      onFatal.run();
      return;
    }
    watch.start(reconciliation.loop()::onChange);
    startWhenSynced();
  }

  // The original waited for cache sync before its first cycle; checking on the sync thread needs no sleeping.
  private void startWhenSynced() {
    if (watch.hasSynced()) {
      LOG.info("caches synced, start syncing");
      reconciliation.loop().start();
    } else if (!syncThread.isShutdown()) {
      syncThread.schedule(this::startWhenSynced, SYNC_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    LOG.info("stop mic");
    leadership.close();
    watch.close();
    syncThread.shutdownNow();
    workers.shutdownNow();
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "failed to close " + resource, e);
      }
    }
  }
}
