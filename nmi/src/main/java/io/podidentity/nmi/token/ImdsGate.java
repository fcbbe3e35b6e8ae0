package io.podidentity.nmi.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps token calls to IMDS within its documented per-VM limits: at most {@code maxConcurrent} in flight and at most
 * {@code maxPerSecond} started in any one-second window. Calls beyond that wait in one FIFO queue (first come, first
 * served); when {@code maxQueue} calls already wait, a new one is refused at once with {@link GateFull} so the client
 * hears about it instead of timing out, and so is a call still waiting after {@code queueTimeout}. A waiting call
 * whose caller gave up is skipped.
 */
public final class ImdsGate {
  private static final Duration WINDOW = Duration.ofSeconds(1);

  private final int maxConcurrent;
  private final int maxQueue;
  private final Duration queueTimeout;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Deque<Queued<?>> queue = new ArrayDeque<>();
  private final Instant[] starts;
  private int nextStart;
  private int inFlight;
  private boolean wakeScheduled;

  public ImdsGate(int maxConcurrent, int maxPerSecond, int maxQueue, Duration queueTimeout, Clock clock,
      ScheduledExecutorService scheduler) {
    this.maxConcurrent = maxConcurrent;
    this.maxQueue = maxQueue;
    this.queueTimeout = queueTimeout;
    this.clock = clock;
    this.scheduler = scheduler;
    this.starts = new Instant[maxPerSecond];
    java.util.Arrays.fill(starts, Instant.MIN);
  }

  /** Refused because the queue is full, or because the call waited longer than the queue timeout. */
  public static final class GateFull extends RuntimeException {
    GateFull(String message) {
      super(message, null, false, false);
    }
  }

  /** Runs {@code call} when a slot is free; the result completes with the call's, or fails with {@link GateFull}. */
  public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
    Queued<T> queued = new Queued<>(call, new CompletableFuture<>());
    synchronized (this) {
      if (queue.size() >= maxQueue && !startable(clock.instant())) {
        return CompletableFuture.failedFuture(
            new GateFull("too many token requests waiting for IMDS on this node (" + queue.size() + ")"));
      }
      queue.addLast(queued);
    }
    dispatch();
    if (!queued.result().isDone()) {
      scheduler.schedule(() -> expire(queued), queueTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    return queued.result();
  }

  /** Calls waiting and in flight, for metrics and tests. */
  public synchronized int waiting() {
    return queue.size();
  }

  public synchronized int inFlight() {
    return inFlight;
  }

  /** Starts every queued call that the limits allow now; schedules itself for when the window next opens. */
  void dispatch() {
    while (true) {
      Queued<?> next;
      synchronized (this) {
        Instant now = clock.instant();
        while (!queue.isEmpty() && queue.peekFirst().result().isDone()) {
          queue.pollFirst();
        }
        if (queue.isEmpty() || inFlight >= maxConcurrent) {
          return;
        }
        if (!startable(now)) {
          scheduleWake(now);
          return;
        }
        next = queue.pollFirst();
        inFlight++;
        starts[nextStart] = now;
        nextStart = (nextStart + 1) % starts.length;
      }
      next.start(this::finished);
    }
  }

  private synchronized void expire(Queued<?> queued) {
    if (queue.remove(queued)) {
      queued.result().completeExceptionally(new GateFull("waited " + queueTimeout.toMillis()
          + " ms for a free IMDS slot on this node"));
    }
  }

  private boolean startable(Instant now) {
    return inFlight < maxConcurrent && !starts[nextStart].plus(WINDOW).isAfter(now);
  }

  private void scheduleWake(Instant now) {
    if (wakeScheduled) {
      return;
    }
    wakeScheduled = true;
    long delay = Math.max(1, Duration.between(now, starts[nextStart].plus(WINDOW)).toMillis());
    scheduler.schedule(() -> {
      synchronized (this) {
        wakeScheduled = false;
      }
      dispatch();
    }, delay, TimeUnit.MILLISECONDS);
  }

  private void finished() {
    synchronized (this) {
      inFlight--;
    }
    dispatch();
  }

  private record Queued<T>(Supplier<CompletableFuture<T>> call, CompletableFuture<T> result) {
    void start(Runnable done) {
      CompletableFuture<T> running;
      try {
        running = call.get();
      } catch (RuntimeException e) {
        running = CompletableFuture.failedFuture(e);
      }
      running.whenComplete((value, error) -> {
        done.run();
        if (error != null) {
          result.completeExceptionally(error);
        } else {
          result.complete(value);
        }
      });
    }
  }
}
