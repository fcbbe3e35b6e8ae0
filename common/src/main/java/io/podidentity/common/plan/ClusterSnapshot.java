package io.podidentity.common.plan;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.ObjectRef;
import java.util.List;
import java.util.Map;

/**
 * Everything one sync decides from, read from the informer caches at one moment and already validated: invalid
 * objects were reported and left out before the snapshot was made.
 *
 * @param pods pods carrying the {@code aadpodidbinding} label (others cannot match a binding)
 * @param nodes the nodes that exist, by name
 * @param identities valid identities by namespace and name
 * @param bindings valid bindings
 * @param assigned the assigned identities that exist now
 */
public record ClusterSnapshot(
    List<PodView> pods,
    Map<String, NodePlacement> nodes,
    Map<ObjectRef, AzureIdentity> identities,
    List<IdentityBinding> bindings,
    List<AssignedIdentity> assigned) {

  public ClusterSnapshot {
    pods = List.copyOf(pods);
    nodes = Map.copyOf(nodes);
    identities = Map.copyOf(identities);
    bindings = List.copyOf(bindings);
    assigned = List.copyOf(assigned);
  }

  /** The placement of the node a pod or assigned identity names, or {@code null} when the node does not exist. */
  public NodePlacement placement(String nodeName) {
    return nodes.get(nodeName);
  }
}
