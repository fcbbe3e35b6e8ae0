package io.podidentity.nmi.kubernetes;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.podidentity.common.model.PodRef;
import io.podidentity.nmi.config.IpLiterals;
import io.podidentity.nmi.decide.PodInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what NMI needs from a {@link V1Pod}: labels, the owning ReplicaSet's name (first owner of kind ReplicaSet,
 * any letter case, as the original), phase, host network, and every address in {@code status.podIPs} and
 * {@code status.podIP} in canonical form, so dual-stack and IPv6 pods are found by either address.
 */
final class PodMapper {
  private PodMapper() {}

  static Optional<PodInfo> toInfo(V1Pod pod) {
    V1ObjectMeta meta = pod.getMetadata();
    if (meta == null || blank(meta.getName()) || blank(meta.getNamespace())) {
      return Optional.empty();
    }
    V1PodStatus status = pod.getStatus();
    boolean hostNetwork = pod.getSpec() != null && Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
    return Optional.of(new PodInfo(new PodRef(meta.getNamespace(), meta.getName()),
        meta.getLabels() == null ? Map.of() : meta.getLabels(), replicaSet(meta),
        status == null || status.getPhase() == null ? "" : status.getPhase(), hostNetwork, addresses(status)));
  }

  private static String replicaSet(V1ObjectMeta meta) {
    List<V1OwnerReference> owners = meta.getOwnerReferences() == null ? List.of() : meta.getOwnerReferences();
    return owners.stream().filter(o -> "ReplicaSet".equalsIgnoreCase(o.getKind()) && o.getName() != null)
        .map(V1OwnerReference::getName).findFirst().orElse("");
  }

  private static List<String> addresses(V1PodStatus status) {
    if (status == null) {
      return List.of();
    }
    Set<String> texts = new LinkedHashSet<>();
    if (status.getPodIP() != null) {
      texts.add(status.getPodIP());
    }
    if (status.getPodIPs() != null) {
      status.getPodIPs().stream().map(V1PodIP::getIp).filter(ip -> ip != null).forEach(texts::add);
    }
    List<String> canonical = new ArrayList<>();
    texts.forEach(t -> IpLiterals.canonical(t).filter(c -> !canonical.contains(c)).ifPresent(canonical::add));
    return canonical;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
