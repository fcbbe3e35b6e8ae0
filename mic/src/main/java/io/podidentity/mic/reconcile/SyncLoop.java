package io.podidentity.mic.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * MIC's one sync thread: syncs on events (through the {@link SyncTrigger}), at least every {@code
 * --syncRetryDuration}, again after unfinished work, and the drift reconciler every {@code
 * --identity-assignment-reconcile-interval}, never two at once. A sync that throws is logged once, counted and
 * retried with backoff; the loop goes on.
 */
public final class SyncLoop {
  private static final Logger LOG = Logger.getLogger(SyncLoop.class.getName());

  private final AssignmentReconciler reconciler;
  private final DriftReconciler drift;
  private final ScheduledExecutorService executor;
  private final SyncTrigger trigger;
  private final Duration syncRetryDuration;
  private final Duration reconcileInterval;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicLong syncs = new AtomicLong();

  public SyncLoop(AssignmentReconciler reconciler, DriftReconciler drift, ScheduledExecutorService executor, Clock clock,
      io.podidentity.mic.config.MicSettings.SyncSettings settings) {
    this.reconciler = reconciler;
    this.drift = drift;
    this.executor = executor;
    this.syncRetryDuration = settings.syncRetryDuration();
    this.reconcileInterval = settings.reconcileInterval();
    this.trigger = new SyncTrigger(executor, this::syncOnce, clock, settings.coalesceEvents(),
        settings.coalesceDelay(), settings.minInterval());
  }

  /** Starts syncing: one sync now, then on events and ticks. */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    LOG.info("start sync loop");
    trigger.requestWithin(Duration.ZERO);
    executor.scheduleAtFixedRate(() -> trigger.requestWithin(Duration.ZERO), syncRetryDuration.toMillis(),
        syncRetryDuration.toMillis(), TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(this::reconcileOnce, reconcileInterval.toMillis(), reconcileInterval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** A watch event: the world may have changed. */
  public void onChange() {
    if (started.get()) {
      trigger.mark();
    }
  }

  public boolean started() {
    return started.get();
  }

  /** Syncs completed so far (for health details and tests). */
  public long syncs() {
    return syncs.get();
  }

  private void syncOnce() {
    Optional<Duration> next;
    try {
      next = reconciler.sync();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "failed to sync, error: " + e, e);
      next = reconciler.failed();
    } finally {
      syncs.incrementAndGet();
    }
    next.ifPresent(trigger::requestWithin);
  }

  private void reconcileOnce() {
    try {
      drift.reconcile();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "failed to reconcile identity assignment, error: " + e, e);
    }
  }
}
