package io.podidentity.mic.kubernetes;

import io.kubernetes.client.openapi.models.V1Pod;
import io.podidentity.common.crd.CrdNames;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.plan.PodView;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the planner needs from a pod: namespace, name, node, {@code aadpodidbinding} label and whether it has
 * finished ({@code Succeeded} or {@code Failed}). Pods without the label, or without a name, are of no interest.
 */
final class PodMapper {
  private PodMapper() {}

  static Optional<PodView> toView(V1Pod pod) {
    if (pod.getMetadata() == null || isBlank(pod.getMetadata().getName()) || isBlank(pod.getMetadata().getNamespace())) {
      return Optional.empty();
    }
    String selector = selector(pod);
    if (selector.isEmpty()) {
      return Optional.empty();
    }
    String node = pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName();
    PodRef ref = new PodRef(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    return Optional.of(new PodView(ref, node, selector, finished(pod)));
  }

  /** The {@code aadpodidbinding} label's value, empty without it. */
  static String selector(V1Pod pod) {
    Map<String, String> labels = pod.getMetadata() == null ? null : pod.getMetadata().getLabels();
    String value = labels == null ? null : labels.get(CrdNames.POD_LABEL);
    return value == null ? "" : value;
  }

  static String nodeName(V1Pod pod) {
    return pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName();
  }

  static boolean finished(V1Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
