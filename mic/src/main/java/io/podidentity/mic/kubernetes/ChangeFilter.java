package io.podidentity.mic.kubernetes;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.Objects;

/**
 * Which watch updates can change a sync's outcome (§2.4): a pod's node or {@code aadpodidbinding} label (and, when
 * finished pods release identities, its phase); a new resourceVersion of an identity or binding (every update, as in
 * the original, when resyncs are not ignored); a node's providerID. Adds and deletes always count.
 */
public final class ChangeFilter {
  private final boolean ignoreUnchangedResyncs;
  private final boolean releaseFinishedPods;

  public ChangeFilter(boolean ignoreUnchangedResyncs, boolean releaseFinishedPods) {
    this.ignoreUnchangedResyncs = ignoreUnchangedResyncs;
    this.releaseFinishedPods = releaseFinishedPods;
  }

  boolean podChanged(V1Pod before, V1Pod after) {
    return !PodMapper.nodeName(before).equals(PodMapper.nodeName(after))
        || !PodMapper.selector(before).equals(PodMapper.selector(after))
        || (releaseFinishedPods && PodMapper.finished(before) != PodMapper.finished(after));
  }

  boolean crdChanged(KubernetesObject before, KubernetesObject after) {
    return !ignoreUnchangedResyncs || !Objects.equals(resourceVersion(before), resourceVersion(after));
  }

  boolean nodeChanged(V1Node before, V1Node after) {
    return !Objects.equals(providerId(before), providerId(after));
  }

  static String resourceVersion(KubernetesObject object) {
    return object.getMetadata() == null ? null : object.getMetadata().getResourceVersion();
  }

  private static String providerId(V1Node node) {
    return node.getSpec() == null ? null : node.getSpec().getProviderID();
  }
}
