package io.podidentity.kubesim.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources being served: the built-in ones and those registered by established CRDs. Lookups are
 * lock-free reads of an immutable snapshot; a CRD change swaps the snapshot and bumps {@link #generation()} so
 * discovery and OpenAPI documents are rebuilt.
 */
public final class ApiResources {
  private static final Pattern VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  private final List<ApiResource> builtin;
  private final Map<String, List<ApiResource>> custom = new LinkedHashMap<>();
  private final Map<String, Object> customSources = new LinkedHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private volatile List<ApiResource> all;

  public ApiResources(List<ApiResource> builtin) {
    this.builtin = List.copyOf(builtin);
    this.all = this.builtin;
  }

  public long generation() {
    return generation.get();
  }

  public List<ApiResource> all() {
    return all;
  }

  /** The resource served at group/version/plural, or null. */
  public ApiResource find(String group, String version, String plural) {
    for (ApiResource r : all) {
      if (r.type().group().equals(group) && r.type().version().equals(version) && r.type().plural().equals(plural)) {
        return r;
      }
    }
    return null;
  }

  /** Any served resource of a bucket (the first one registered), or null. */
  public ApiResource byBucket(String bucket) {
    for (ApiResource r : all) {
      if (r.bucket().equals(bucket)) {
        return r;
      }
    }
    return null;
  }

  /** Whether a group/version is served at all. */
  public boolean serves(String group, String version) {
    return all.stream().anyMatch(r -> r.type().group().equals(group) && r.type().version().equals(version));
  }

  /** The groups (core "" first) and their versions, each group's preferred version first. */
  public Map<String, List<String>> groupVersions() {
    Map<String, Set<String>> versions = new LinkedHashMap<>();
    for (ApiResource r : all) {
      versions.computeIfAbsent(r.type().group(), g -> new LinkedHashSet<>()).add(r.type().version());
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    versions.forEach((g, v) -> {
      List<String> sorted = new ArrayList<>(v);
      sorted.sort(VERSION_PRIORITY);
      out.put(g, sorted);
    });
    return out;
  }

  /**
   * Registers (or replaces) the resources a CRD serves; nothing changes when the CRD's spec (the source) is the
   * one already registered.
   */
  public synchronized void register(String crdName, Object source, List<ApiResource> resources) {
    if (custom.containsKey(crdName) && source.equals(customSources.get(crdName))) {
      return;
    }
    custom.put(crdName, List.copyOf(resources));
    customSources.put(crdName, source);
    publish();
  }

  public synchronized void unregister(String crdName) {
    customSources.remove(crdName);
    if (custom.remove(crdName) != null) {
      publish();
    }
  }

  public synchronized boolean isRegistered(String crdName) {
    return custom.containsKey(crdName);
  }

  /** The names of the CRDs whose resources are served. */
  public synchronized java.util.Set<String> registeredCrds() {
    return java.util.Set.copyOf(custom.keySet());
  }

  private void publish() {
    List<ApiResource> next = new ArrayList<>(builtin);
    custom.values().forEach(next::addAll);
    all = List.copyOf(next);
    generation.incrementAndGet();
  }

  /** Kubernetes version priority: GA before beta before alpha, higher numbers first, others last by name. */
  public static final Comparator<String> VERSION_PRIORITY = (a, b) -> {
    Matcher ma = VERSION.matcher(a);
    Matcher mb = VERSION.matcher(b);
    boolean ka = ma.matches();
    boolean kb = mb.matches();
    if (!ka || !kb) {
      return ka == kb ? a.compareTo(b) : ka ? -1 : 1;
    }
    int stability = Integer.compare(rank(mb.group(2)), rank(ma.group(2)));
    if (stability != 0) {
      return stability;
    }
    int major = Integer.compare(Integer.parseInt(mb.group(1)), Integer.parseInt(ma.group(1)));
    if (major != 0 || ma.group(3) == null) {
      return major;
    }
    return Integer.compare(Integer.parseInt(mb.group(3)), Integer.parseInt(ma.group(3)));
  };

  private static int rank(String stability) {
    return stability == null ? 2 : stability.equals("beta") ? 1 : 0;
  }
}
