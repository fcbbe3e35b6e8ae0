package io.podidentity.mic.kubernetes;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.podidentity.common.port.EventTarget;
import java.util.Optional;
import java.util.function.Function;

/** Finds the uid of an Event's object in the informer caches, so {@code kubectl describe} shows the Event. */
final class ObjectUids implements Function<EventTarget, Optional<String>> {
  private final ClusterInformers informers;

  ObjectUids(ClusterInformers informers) {
    this.informers = informers;
  }

  @Override
  public Optional<String> apply(EventTarget target) {
    String key = target.namespace().isEmpty() ? target.name() : target.namespace() + "/" + target.name();
    return switch (target.kind()) {
      case "Pod" -> uid(informers.pods, key);
      case "AzureIdentity" -> uid(informers.identities, key);
      case "AzureIdentityBinding" -> uid(informers.bindings, key);
      case "AzureAssignedIdentity" -> uid(informers.assigned, key);
      case "Node" -> uid(informers.nodes, key);
      default -> Optional.empty();
    };
  }

  private static Optional<String> uid(SharedIndexInformer<? extends KubernetesObject> informer, String key) {
    KubernetesObject object = informer.getIndexer().getByKey(key);
    return object == null || object.getMetadata() == null ? Optional.empty()
        : Optional.ofNullable(object.getMetadata().getUid());
  }
}
