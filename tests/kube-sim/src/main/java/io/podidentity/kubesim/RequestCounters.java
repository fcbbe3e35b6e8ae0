package io.podidentity.kubesim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the API requests the simulator served, per Kubernetes verb (get, list, watch, create, update, patch,
 * delete, deletecollection) and resource ({@code pods}, {@code pods/status},
 * {@code azureidentities.aadpodidentity.k8s.io}), so benchmarks can count API writes.
 */
public final class RequestCounters {
  private static final java.util.Set<String> WRITES = java.util.Set.of("create", "update", "patch", "delete",
      "deletecollection");

  /** One counter's key. */
  public record Key(String verb, String resource) {}

  private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

  /** Records one request. */
  public void record(String verb, String resource) {
    counts.computeIfAbsent(new Key(verb, resource), k -> new LongAdder()).increment();
  }

  public long count(String verb, String resource) {
    LongAdder a = counts.get(new Key(verb, resource));
    return a == null ? 0 : a.sum();
  }

  /** The number of requests of a verb over all resources. */
  public long count(String verb) {
    return counts.entrySet().stream().filter(e -> e.getKey().verb().equals(verb)).mapToLong(e -> e.getValue().sum()).sum();
  }

  /** All writes (create, update, patch, delete, deletecollection) to a resource. */
  public long writes(String resource) {
    return counts.entrySet().stream()
        .filter(e -> WRITES.contains(e.getKey().verb()) && e.getKey().resource().equals(resource))
        .mapToLong(e -> e.getValue().sum()).sum();
  }

  /** All writes to every resource. */
  public long writes() {
    return counts.entrySet().stream().filter(e -> WRITES.contains(e.getKey().verb()))
        .mapToLong(e -> e.getValue().sum()).sum();
  }

  /** A copy of every counter, sorted by verb and resource. */
  public Map<Key, Long> snapshot() {
    Map<Key, Long> out = new TreeMap<>(java.util.Comparator.comparing(Key::verb).thenComparing(Key::resource));
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public void reset() {
    counts.clear();
  }
}
