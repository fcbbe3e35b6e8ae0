package io.podidentity.common.testing;

import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.plan.ClusterSnapshot;
import io.podidentity.common.plan.NodePlacement;
import io.podidentity.common.plan.PodView;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A mutable world of pods, nodes, identities and bindings as records, for component tests that drive MIC's loop
 * without an API server; the assigned identities come from a {@link FakeAssignedIdentityStore}, so what MIC writes
 * is what the next snapshot sees.
 */
public final class FakeCluster {
  private final Map<PodRef, PodView> pods = new ConcurrentHashMap<>();
  private final Map<String, NodePlacement> nodes = new ConcurrentHashMap<>();
  private final Map<ObjectRef, AzureIdentity> identities = new ConcurrentHashMap<>();
  private final Map<ObjectRef, IdentityBinding> bindings = new ConcurrentHashMap<>();
  private final FakeAssignedIdentityStore store;

  public FakeCluster(FakeAssignedIdentityStore store) {
    this.store = store;
  }

  public FakeCluster node(String name, NodePlacement placement) {
    nodes.put(name, placement);
    return this;
  }

  public FakeCluster removeNode(String name) {
    nodes.remove(name);
    return this;
  }

  public FakeCluster pod(PodView pod) {
    pods.put(pod.ref(), pod);
    return this;
  }

  public FakeCluster removePod(PodRef ref) {
    pods.remove(ref);
    return this;
  }

  public FakeCluster identity(AzureIdentity identity) {
    identities.put(identity.ref(), identity);
    return this;
  }

  public FakeCluster removeIdentity(ObjectRef ref) {
    identities.remove(ref);
    return this;
  }

  public FakeCluster binding(IdentityBinding binding) {
    bindings.put(binding.ref(), binding);
    return this;
  }

  public FakeCluster removeBinding(ObjectRef ref) {
    bindings.remove(ref);
    return this;
  }

  public ClusterSnapshot snapshot() {
    return new ClusterSnapshot(new ArrayList<>(pods.values()), Map.copyOf(nodes), Map.copyOf(identities),
        new ArrayList<>(bindings.values()), store.current());
  }

  public void reset() {
    pods.clear();
    nodes.clear();
    identities.clear();
    bindings.clear();
  }
}
