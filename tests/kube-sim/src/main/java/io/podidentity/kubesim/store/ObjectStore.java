package io.podidentity.kubesim.store;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.Meta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The in-memory etcd: objects per bucket (one per stored resource) keyed like etcd keys so that lists come back
 * in the apiserver's order, one global resourceVersion counter, and the {@link EventLog}. All writes run in
 * {@link #write} under one lock, so each change gets the next resourceVersion and its event in the same step.
 */
public final class ObjectStore implements AutoCloseable {
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, TreeMap<String, JsonObject>> buckets = new HashMap<>();
  private final Map<String, LongAdder> eventCounts = new ConcurrentHashMap<>();
  private final EventLog log;
  private long revision;

  /** A consistent read: the items and the resourceVersion they were read at. */
  public record Snapshot(List<JsonObject> items, long resourceVersion) {}

  public ObjectStore(int watchWindow) {
    this.log = new EventLog(watchWindow);
  }

  public EventLog log() {
    return log;
  }

  /** Runs the work as one transaction; what it writes is committed in order as it writes it. */
  public <T> T write(Function<Transaction, T> work) {
    return write(work, false);
  }

  /** Runs the work; a dry run computes what would be stored and commits nothing (the {@code dryRun=All} option). */
  public <T> T write(Function<Transaction, T> work, boolean dryRun) {
    lock.lock();
    try {
      return work.apply(new Transaction(this, dryRun));
    } finally {
      lock.unlock();
    }
  }

  public JsonObject get(String bucket, String namespace, String name) {
    lock.lock();
    try {
      return bucket(bucket).get(key(namespace, name));
    } finally {
      lock.unlock();
    }
  }

  /** The current items of a bucket, in one namespace or (namespace null) all of them. */
  public Snapshot list(String bucket, String namespace) {
    lock.lock();
    try {
      return new Snapshot(items(bucket, namespace), revision);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The items as they were at a past resourceVersion, rebuilt by undoing the retained events after it; null when
   * history that far back is no longer retained for this bucket.
   */
  public Snapshot listAt(String bucket, String namespace, long resourceVersion) {
    lock.lock();
    try {
      if (resourceVersion >= revision) {
        return new Snapshot(items(bucket, namespace), revision);
      }
      if (log.evictedUpTo(bucket) > resourceVersion) {
        return null;
      }
      TreeMap<String, JsonObject> past = new TreeMap<>(bucket(bucket));
      List<StoredEvent> after = log.retainedAfter(bucket, resourceVersion);
      for (int i = after.size() - 1; i >= 0; i--) {
        StoredEvent e = after.get(i);
        String key = key(Meta.namespace(e.object()), Meta.name(e.object()));
        if (e.type() == StoredEvent.Type.ADDED) {
          past.remove(key);
        } else {
          past.put(key, e.previous());
        }
      }
      return new Snapshot(select(past, namespace), resourceVersion);
    } finally {
      lock.unlock();
    }
  }

  public long revision() {
    lock.lock();
    try {
      return revision;
    } finally {
      lock.unlock();
    }
  }

  /** How many events of a type a bucket has produced since start. */
  public long eventCount(String bucket, StoredEvent.Type type) {
    LongAdder a = eventCounts.get(bucket + "/" + type);
    return a == null ? 0 : a.sum();
  }

  @Override
  public void close() {
    log.close();
  }

  // ---- used by Transaction, under the lock ----

  TreeMap<String, JsonObject> bucket(String name) {
    return buckets.computeIfAbsent(name, n -> new TreeMap<>());
  }

  List<JsonObject> items(String bucket, String namespace) {
    return select(bucket(bucket), namespace);
  }

  private static List<JsonObject> select(NavigableMap<String, JsonObject> map, String namespace) {
    if (namespace == null) {
      return new ArrayList<>(map.values());
    }
    return new ArrayList<>(map.subMap(namespace + "/", true, namespace + "0", false).values());
  }

  long commit(StoredEvent.Type type, String bucket, JsonObject object, JsonObject previous) {
    StoredEvent event = new StoredEvent(revision, type, bucket, object, previous);
    eventCounts.computeIfAbsent(bucket + "/" + type, k -> new LongAdder()).increment();
    log.append(event);
    return revision;
  }

  long nextRevision() {
    return ++revision;
  }

  static String key(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }
}
