package io.podidentity.nmi.kubernetes;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.podidentity.common.model.Mapped;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * An informer's objects mapped to domain records as they arrive, keyed by namespace/name. An object the mapper
 * refuses is logged once per resourceVersion ("ignoring ...", as the original) and left out; {@code onChange} hears
 * (before, after) for every real change, not for resyncs that change nothing.
 */
final class MappedCache<W extends KubernetesObject, D> {
  private static final Logger LOG = Logger.getLogger(MappedCache.class.getName());

  private final String kind;
  private final Function<W, Mapped<D>> mapper;
  private final BiConsumer<Optional<D>, Optional<D>> onChange;
  private final Map<String, D> items = new ConcurrentHashMap<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  MappedCache(String kind, Function<W, Mapped<D>> mapper, BiConsumer<Optional<D>, Optional<D>> onChange) {
    this.kind = kind;
    this.mapper = mapper;
    this.onChange = onChange;
  }

  void attach(SharedIndexInformer<W> informer) {
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(W object) {
        put(object);
      }

      @Override
      public void onUpdate(W before, W after) {
        put(after);
      }

      @Override
      public void onDelete(W object, boolean finalStateUnknown) {
        remove(key(object.getMetadata()));
      }
    });
  }

  Collection<D> values() {
    return items.values();
  }

  void put(W object) {
    String key = key(object.getMetadata());
    switch (mapper.apply(object)) {
      case Mapped.Valid<D>(D value) -> {
        D before = items.put(key, value);
        if (!value.equals(before)) {
          onChange.accept(Optional.ofNullable(before), Optional.of(value));
        }
      }
      case Mapped.Rejected<D>(String reason) -> {
        if (reported.add(key + "@" + object.getMetadata().getResourceVersion())) {
          LOG.warning(() -> "ignore " + kind + " reason=\"" + reason + "\"");
        }
        remove(key);
      }
    }
  }

  void remove(String key) {
    D before = items.remove(key);
    if (before != null) {
      onChange.accept(Optional.of(before), Optional.empty());
    }
  }

  static String key(V1ObjectMeta meta) {
    return meta.getNamespace() + "/" + meta.getName();
  }
}
