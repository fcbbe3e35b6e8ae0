package io.podidentity.mic.kubernetes;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.podidentity.common.crd.V1AzureAssignedIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MIC's own assigned identity writes that the informer cache has not shown yet. A sync right after a write would
 * otherwise see the old object and do the work again (the original slept 200 ms after each busy cycle and still met
 * conflicts). Each write is laid over the cache until the watch delivers it (or a newer version), or for at most
 * {@link #LIMIT}.
 */
final class RecentWrites implements ResourceEventHandler<V1AzureAssignedIdentity> {
  static final Duration LIMIT = Duration.ofMinutes(1);

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Clock clock;

  /** A written object ({@code null} after a delete) and when it was written. */
  private record Pending(V1AzureAssignedIdentity object, Instant at) {}

  RecentWrites(Clock clock) {
    this.clock = clock;
  }

  void wrote(V1AzureAssignedIdentity object) {
    pending.put(key(object), new Pending(object, clock.instant()));
  }

  void deleted(String namespace, String name) {
    pending.put(namespace + "/" + name, new Pending(null, clock.instant()));
  }

  /** The cached objects with MIC's unconfirmed writes laid over them. */
  List<V1AzureAssignedIdentity> overlay(Collection<V1AzureAssignedIdentity> cached) {
    Map<String, V1AzureAssignedIdentity> byKey = new LinkedHashMap<>();
    cached.forEach(o -> byKey.put(key(o), o));
    Instant expired = clock.instant().minus(LIMIT);
    pending.forEach((key, write) -> {
      V1AzureAssignedIdentity seen = byKey.get(key);
      if (write.at().isBefore(expired) || (write.object() != null && seen != null && notOlder(seen, write.object()))) {
        pending.remove(key, write);
      } else if (write.object() == null) {
        byKey.remove(key);
      } else {
        byKey.put(key, write.object());
      }
    });
    return new ArrayList<>(byKey.values());
  }

  @Override
  public void onAdd(V1AzureAssignedIdentity obj) {
    confirm(obj);
  }

  @Override
  public void onUpdate(V1AzureAssignedIdentity oldObj, V1AzureAssignedIdentity newObj) {
    confirm(newObj);
  }

  @Override
  public void onDelete(V1AzureAssignedIdentity obj, boolean deletedFinalStateUnknown) {
    pending.computeIfPresent(key(obj), (k, write) -> write.object() == null ? null : write);
  }

  private void confirm(V1AzureAssignedIdentity seen) {
    pending.computeIfPresent(key(seen), (k, write) -> write.object() != null && notOlder(seen, write.object())
        ? null : write);
  }

  // resourceVersions are opaque, but the API server's are increasing integers; equal text is always "caught up".
  private static boolean notOlder(V1AzureAssignedIdentity seen, V1AzureAssignedIdentity written) {
    String a = ChangeFilter.resourceVersion(seen);
    String b = ChangeFilter.resourceVersion(written);
    if (a == null || b == null) {
      return false;
    }
    try {
      return Long.parseLong(a) >= Long.parseLong(b);
    } catch (NumberFormatException e) {
      return a.equals(b);
    }
  }

  private static String key(V1AzureAssignedIdentity object) {
    return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }
}
