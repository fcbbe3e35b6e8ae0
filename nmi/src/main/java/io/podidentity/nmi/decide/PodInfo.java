package io.podidentity.nmi.decide;

import io.podidentity.common.model.PodRef;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What NMI needs to know about a pod on its node: who it is, its labels (for bindings and exceptions), the name of
 * the ReplicaSet owning it (for MIC's short-circuit; empty when none), its phase, whether it shares the node's
 * network, and its addresses ({@code status.podIPs}, canonical text).
 */
public record PodInfo(
    PodRef ref,
    Map<String, String> labels,
    String replicaSetName,
    String phase,
    boolean hostNetwork,
    List<String> addresses) {

  public PodInfo {
    Objects.requireNonNull(ref, "ref");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(replicaSetName, "replicaSetName");
    Objects.requireNonNull(phase, "phase");
    addresses = List.copyOf(addresses);
  }

  /** Whether a request from this pod's address may be attributed to it: Pending or Running, own network. */
  public boolean attributable() {
    return !hostNetwork && (phase.equals("Pending") || phase.equals("Running"));
  }
}
