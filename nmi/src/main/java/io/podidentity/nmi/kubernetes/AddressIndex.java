package io.podidentity.nmi.kubernetes;

import io.podidentity.common.model.PodRef;
import io.podidentity.nmi.decide.PodInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** This node's pods by canonical address and by name, kept current from pod events. */
final class AddressIndex {
  private final Map<String, Set<PodInfo>> byAddress = new ConcurrentHashMap<>();
  private final Map<PodRef, PodInfo> byRef = new ConcurrentHashMap<>();

  /** Replaces {@code before} by {@code after}; returns every address whose holders changed. */
  Set<String> replace(Optional<PodInfo> before, Optional<PodInfo> after) {
    Set<String> touched = new HashSet<>();
    before.ifPresent(pod -> {
      byRef.remove(pod.ref(), pod);
      for (String address : pod.addresses()) {
        byAddress.computeIfPresent(address, (a, set) -> without(set, pod));
        touched.add(address);
      }
    });
    after.ifPresent(pod -> {
      byRef.put(pod.ref(), pod);
      for (String address : pod.addresses()) {
        byAddress.merge(address, Set.of(pod), AddressIndex::with);
        touched.add(address);
      }
    });
    return touched;
  }

  List<PodInfo> holding(String address) {
    return List.copyOf(byAddress.getOrDefault(address, Set.of()));
  }

  Optional<PodInfo> pod(PodRef ref) {
    return Optional.ofNullable(byRef.get(ref));
  }

  private static Set<PodInfo> without(Set<PodInfo> set, PodInfo pod) {
    Set<PodInfo> copy = new HashSet<>(set);
    copy.remove(pod);
    return copy.isEmpty() ? null : Set.copyOf(copy);
  }

  private static Set<PodInfo> with(Set<PodInfo> set, Set<PodInfo> added) {
    Set<PodInfo> copy = new HashSet<>(set);
    copy.addAll(added);
    return Set.copyOf(copy);
  }
}
