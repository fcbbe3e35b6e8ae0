package io.podidentity.nmi.wait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link Recheck}s: each is asked at once, then on every change of one of its keys ({@link #changed}) and at its
 * interval, until it answers; a pending one whose client hung up (seen by the {@link ConnectionProbe} every
 * {@code probeInterval}) ends with its {@code abandoned} answer. No thread is held while waiting: the caller gets a
 * future, and the checks run on the scheduler or on the thread reporting the change.
 */
public final class Rechecks implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Rechecks.class.getName());

  private final ScheduledExecutorService scheduler;
  private final ConnectionProbe probe;
  private final Map<Object, Set<Pending<?>>> byKey = new ConcurrentHashMap<>();
  private final Set<Pending<?>> all = ConcurrentHashMap.newKeySet();
  private final ScheduledFuture<?> probing;

  public Rechecks(ScheduledExecutorService scheduler, ConnectionProbe probe, Duration probeInterval) {
    this.scheduler = scheduler;
    this.probe = probe;
    this.probing = scheduler.scheduleWithFixedDelay(this::probeConnections, probeInterval.toMillis(),
        probeInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The answer, once there is one. */
  public <T> CompletableFuture<T> await(Recheck<T> recheck) {
    Pending<T> pending = new Pending<>(recheck);
    pending.evaluate(false);
    if (pending.result.isDone()) {
      return pending.result;
    }
    all.add(pending);
    recheck.keys().forEach(k -> byKey.computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet()).add(pending));
    long every = Math.max(1, recheck.interval().toMillis());
    pending.ticks = scheduler.scheduleAtFixedRate(() -> pending.evaluate(true), every, every, TimeUnit.MILLISECONDS);
    pending.result.whenComplete((value, error) -> forget(pending));
    pending.evaluate(false);
    return pending.result;
  }

  /** Something about {@code key} changed: ask its pending checks again now. */
  public void changed(Object key) {
    Set<Pending<?>> waiting = byKey.get(key);
    if (waiting != null) {
      List.copyOf(waiting).forEach(p -> p.evaluate(false));
    }
  }

  /** Anything may have changed: ask every pending check again. */
  public void changedAll() {
    List.copyOf(all).forEach(p -> p.evaluate(false));
  }

  /** Checks waiting for an answer. */
  public int pending() {
    return all.size();
  }

  @Override
  public void close() {
    probing.cancel(false);
    List.copyOf(all).forEach(p -> p.result.cancel(false));
  }

  private void forget(Pending<?> pending) {
    all.remove(pending);
    pending.recheck.keys().forEach(k -> byKey.computeIfPresent(k, (x, set) -> {
      set.remove(pending);
      return set.isEmpty() ? null : set;
    }));
    if (pending.ticks != null) {
      pending.ticks.cancel(false);
    }
  }

  private void probeConnections() {
    try {
      List<Pending<?>> watched = all.stream().filter(p -> p.recheck.connection().isPresent()).toList();
      if (watched.isEmpty()) {
        return;
      }
      Set<ClientConnection> closed = probe.closed(watched.stream().map(p -> p.recheck.connection().get()).toList());
      watched.stream().filter(p -> closed.contains(p.recheck.connection().get())).forEach(Pending::abandon);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "failed to probe waiting connections error=" + e, e);
    }
  }

  private static final class Pending<T> {
    private final Recheck<T> recheck;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private int attempt;
    private volatile ScheduledFuture<?> ticks;

    Pending(Recheck<T> recheck) {
      this.recheck = recheck;
    }

    synchronized void evaluate(boolean nextAttempt) {
      if (result.isDone()) {
        return;
      }
      if (nextAttempt) {
        attempt++;
      }
      try {
        Optional<T> answer = recheck.evaluate().apply(attempt);
        answer.ifPresent(result::complete);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }

    void abandon() {
      result.complete(recheck.abandoned());
    }
  }
}
