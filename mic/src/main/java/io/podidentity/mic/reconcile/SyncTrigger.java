package io.podidentity.mic.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns watch events into syncs. Coalescing (the default): an event marks the world dirty; the sync starts {@code
 * delay} after the first event of a burst and never sooner than {@code minInterval} after the previous start, so a
 * burst of any size costs a handful of syncs; events during a sync cause one more. Without coalescing every event
 * queues one full sync, as the original's event channel did. Syncs run one at a time on {@code executor}.
 */
public final class SyncTrigger {
  private final ScheduledExecutorService executor;
  private final Runnable sync;
  private final Clock clock;
  private final boolean coalesce;
  private final Duration delay;
  private final Duration minInterval;
  private ScheduledFuture<?> pending;
  private Instant pendingAt;
  private Instant lastStart = Instant.MIN;
  private boolean running;
  private boolean dirty;

  public SyncTrigger(ScheduledExecutorService executor, Runnable sync, Clock clock, boolean coalesce, Duration delay,
      Duration minInterval) {
    this.executor = executor;
    this.sync = sync;
    this.clock = clock;
    this.coalesce = coalesce;
    this.delay = delay;
    this.minInterval = minInterval;
  }

  /** Something changed: a sync will follow. */
  public synchronized void mark() {
    if (!coalesce) {
      executor.execute(this::run);
    } else if (running) {
      dirty = true;
    } else {
      runNoLaterThan(earliestStart(delay));
    }
  }

  /** A sync is wanted within {@code within} (a retry, a periodic tick), pacing permitting. */
  public synchronized void requestWithin(Duration within) {
    runNoLaterThan(earliestStart(within));
  }

  private Instant earliestStart(Duration wait) {
    Instant soonest = clock.instant().plus(wait);
    Instant paced = lastStart.equals(Instant.MIN) ? soonest : lastStart.plus(minInterval);
    return soonest.isAfter(paced) ? soonest : paced;
  }

  private void runNoLaterThan(Instant at) {
    if (pending != null && !pendingAt.isAfter(at)) {
      return;
    }
    if (pending != null) {
      pending.cancel(false);
    }
    long millis = Math.max(0, Duration.between(clock.instant(), at).toMillis());
    pendingAt = at;
    pending = executor.schedule(this::run, millis, TimeUnit.MILLISECONDS);
  }

  private void run() {
    synchronized (this) {
      pending = null;
      running = true;
      dirty = false;
      lastStart = clock.instant();
    }
    try {
      sync.run();
    } finally {
      synchronized (this) {
        running = false;
        if (dirty) {
          dirty = false;
          runNoLaterThan(earliestStart(delay));
        }
      }
    }
  }
}
