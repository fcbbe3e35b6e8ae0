package io.podidentity.kubesim.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The retained window of committed changes, the single source every watcher reads in resourceVersion order.
 * Every write takes the next resourceVersion, so event N lives in slot N modulo the capacity; an overwritten slot
 * records, per bucket, up to which resourceVersion history was lost (the "too old resource version" line).
 * Appends happen under the store's lock; readers never take it.
 */
public final class EventLog {
  private final AtomicReferenceArray<StoredEvent> ring;
  private final Map<String, Long> evictedUpTo = new ConcurrentHashMap<>();
  private final ReentrantLock waitLock = new ReentrantLock();
  private final Condition arrived = waitLock.newCondition();
  private volatile long head;
  private volatile boolean closed;

  /** A read: the retained events after the cursor, the new cursor, and whether the log was closed. */
  public record Batch(List<StoredEvent> events, long cursor, boolean closed) {}

  EventLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the watch window needs at least one event: " + capacity);
    }
    this.ring = new AtomicReferenceArray<>(capacity);
  }

  /** Publishes the event; its resourceVersion must be one more than the last one's. */
  void append(StoredEvent event) {
    int slot = (int) (event.resourceVersion() % ring.length());
    StoredEvent evicted = ring.get(slot);
    if (evicted != null) {
      evictedUpTo.merge(evicted.bucket(), evicted.resourceVersion(), Math::max);
    }
    ring.set(slot, event);
    head = event.resourceVersion();
    waitLock.lock();
    try {
      arrived.signalAll();
    } finally {
      waitLock.unlock();
    }
  }

  public long head() {
    return head;
  }

  /** The highest resourceVersion of this bucket whose event is no longer retained (0 when none was lost). */
  public long evictedUpTo(String bucket) {
    return evictedUpTo.getOrDefault(bucket, 0L);
  }

  /**
   * Waits up to the given time for events after the cursor and returns those still retained. Events of other
   * buckets may have been evicted in between; a reader checks {@link #evictedUpTo} for its own.
   */
  public Batch next(long cursor, long maxWaitNanos) throws InterruptedException {
    if (head <= cursor && !closed && maxWaitNanos > 0) {
      awaitAfter(cursor, maxWaitNanos);
    }
    long last = head;
    List<StoredEvent> events = new ArrayList<>((int) Math.min(last - cursor, 1024));
    long from = Math.max(cursor + 1, last - ring.length() + 1);
    for (long rv = from; rv <= last; rv++) {
      StoredEvent e = ring.get((int) (rv % ring.length()));
      if (e != null && e.resourceVersion() == rv) {
        events.add(e);
      }
    }
    return new Batch(events, Math.max(cursor, last), closed);
  }

  private void awaitAfter(long cursor, long maxWaitNanos) throws InterruptedException {
    waitLock.lock();
    try {
      long remaining = maxWaitNanos;
      while (head <= cursor && !closed && remaining > 0) {
        remaining = arrived.awaitNanos(remaining);
      }
    } finally {
      waitLock.unlock();
    }
  }

  /** The retained events of one bucket after the cursor, newest last; used to rebuild past states. */
  List<StoredEvent> retainedAfter(String bucket, long cursor) {
    List<StoredEvent> out = new ArrayList<>();
    long last = head;
    for (long rv = Math.max(cursor + 1, last - ring.length() + 1); rv <= last; rv++) {
      StoredEvent e = ring.get((int) (rv % ring.length()));
      if (e != null && e.resourceVersion() == rv && e.bucket().equals(bucket)) {
        out.add(e);
      }
    }
    return out;
  }

  void close() {
    closed = true;
    waitLock.lock();
    try {
      arrived.signalAll();
    } finally {
      waitLock.unlock();
    }
  }

  public boolean isClosed() {
    return closed;
  }

  /** Waits without a cursor, for callers that poll other state: returns at once when closed. */
  public void awaitChange(long cursor, long timeout, TimeUnit unit) throws InterruptedException {
    awaitAfter(cursor, unit.toNanos(timeout));
  }
}
