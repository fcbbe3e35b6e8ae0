package io.podidentity.kubesim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the API requests the simulator served, per Kubernetes verb (get, list, watch, create, update, patch,
 * delete, deletecollection) and resource ({@code pods}, {@code pods/status},
 * {@code azureidentities.aadpodidentity.k8s.io}), so benchmarks can count API writes; and keeps the distinct
 * {@link ApiAccess}es, so tests can check a program's RBAC rules against what it really asked for.
 */
public final class RequestCounters {
  private static final java.util.Set<String> WRITES = java.util.Set.of("create", "update", "patch", "delete",
      "deletecollection");

  /** One counter's key. */
  public record Key(String verb, String resource) {}

  private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
  private final java.util.Set<ApiAccess> accesses = ConcurrentHashMap.newKeySet();

  /** Records one request. */
  public void record(String verb, String resource) {
    counts.computeIfAbsent(new Key(verb, resource), k -> new LongAdder()).increment();
  }

  /** Records one request with what an authorizer would see of it. */
  public void record(ApiAccess access) {
    record(access.verb(), access.group().isEmpty() ? access.rbacResource()
        : access.resource() + "." + access.group() + (access.subresource().isEmpty() ? "" : "/" + access.subresource()));
    accesses.add(access);
  }

  /** The distinct accesses seen since the start or the last {@link #reset()}. */
  public java.util.Set<ApiAccess> accesses() {
    return java.util.Set.copyOf(accesses);
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
    accesses.clear();
  }
}
