package io.podidentity.common.plan;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds snapshots for planner tests, one element at a time. */
final class SnapshotBuilder {
  private final List<PodView> pods = new ArrayList<>();
  private final Map<String, NodePlacement> nodes = new HashMap<>();
  private final Map<ObjectRef, AzureIdentity> identities = new HashMap<>();
  private final Map<ObjectRef, IdentityBinding> bindings = new java.util.LinkedHashMap<>();
  private final List<AssignedIdentity> assigned = new ArrayList<>();

  SnapshotBuilder node(String name, NodePlacement placement) {
    nodes.put(name, placement);
    return this;
  }

  SnapshotBuilder pod(PodView pod) {
    pods.add(pod);
    return this;
  }

  SnapshotBuilder identity(AzureIdentity identity) {
    identities.put(identity.ref(), identity);
    return this;
  }

  SnapshotBuilder binding(IdentityBinding binding) {
    bindings.put(binding.ref(), binding);
    return this;
  }

  SnapshotBuilder assigned(AssignedIdentity existing) {
    assigned.add(existing);
    return this;
  }

  ClusterSnapshot build() {
    return new ClusterSnapshot(pods, nodes, identities, new ArrayList<>(bindings.values()), assigned);
  }
}
