package io.podidentity.azuresim.control;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Call counts per operation ({@code vm_get}, {@code vmss_patch}, {@code imds_token}, {@code aad_token}, ...) and per
 * outcome worth counting ({@code arm_429}, {@code vmss_patch_429}, {@code imds_429}). Tests and benchmarks read them
 * to assert how many calls a component made; {@link #reset()} starts a new measurement.
 */
public final class Counters {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  public void increment(String name) {
    counts.computeIfAbsent(name, k -> new LongAdder()).increment();
  }

  public long get(String name) {
    LongAdder adder = counts.get(name);
    return adder == null ? 0 : adder.sum();
  }

  /** All non-zero counters, sorted by name. */
  public SortedMap<String, Long> snapshot() {
    SortedMap<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> {
      long sum = v.sum();
      if (sum != 0) {
        copy.put(k, sum);
      }
    });
    return copy;
  }

  public void reset() {
    counts.clear();
  }
}
