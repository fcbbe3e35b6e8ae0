package io.podidentity.nmi.testing;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodIdentityException;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.model.SecretRef;
import io.podidentity.nmi.cluster.ClusterListener;
import io.podidentity.nmi.cluster.ClusterView;
import io.podidentity.nmi.decide.IdentityView;
import io.podidentity.nmi.decide.PodInfo;
import io.podidentity.nmi.token.SecretLookup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-memory {@link ClusterView}: tests put pods, assigned identities, bindings, identities, exceptions and Secrets
 * in, and listeners hear about each change as they would from the informers.
 */
public final class FakeCluster implements ClusterView {
  private final Map<PodRef, PodInfo> pods = new ConcurrentHashMap<>();
  private final Map<ObjectRef, AssignedIdentity> assigned = new ConcurrentHashMap<>();
  private final Map<ObjectRef, IdentityBinding> bindings = new ConcurrentHashMap<>();
  private final Map<ObjectRef, AzureIdentity> identities = new ConcurrentHashMap<>();
  private final Map<ObjectRef, PodIdentityException> exceptions = new ConcurrentHashMap<>();
  private final Map<SecretRef, Map<String, byte[]>> secrets = new ConcurrentHashMap<>();
  private final List<ClusterListener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean managed;
  private volatile boolean synced = true;

  public void reset() {
    pods.clear();
    assigned.clear();
    bindings.clear();
    identities.clear();
    exceptions.clear();
    secrets.clear();
    managed = false;
    synced = true;
  }

  public void managed(boolean on) {
    managed = on;
  }

  public void synced(boolean on) {
    synced = on;
  }

  public void put(PodInfo pod) {
    pods.put(pod.ref(), pod);
    pod.addresses().forEach(a -> each(l -> l.addressChanged(a)));
  }

  public void remove(PodRef ref) {
    PodInfo pod = pods.remove(ref);
    if (pod != null) {
      pod.addresses().forEach(a -> each(l -> l.addressChanged(a)));
    }
  }

  public void put(AssignedIdentity assignment) {
    AssignedIdentity before = assigned.put(assignment.ref(), assignment);
    if (before != null && !before.equals(assignment)) {
      each(l -> l.identityRevoked(before.identity().clientId()));
    }
    each(l -> l.identitiesChanged(assignment.pod()));
  }

  public void remove(AssignedIdentity assignment) {
    if (assigned.remove(assignment.ref()) != null) {
      each(l -> l.identityRevoked(assignment.identity().clientId()));
      each(l -> l.identitiesChanged(assignment.pod()));
    }
  }

  public void put(IdentityBinding binding) {
    bindings.put(binding.ref(), binding);
    each(ClusterListener::allIdentitiesChanged);
  }

  public void put(AzureIdentity identity) {
    identities.put(identity.ref(), identity);
    each(ClusterListener::allIdentitiesChanged);
  }

  public void put(PodIdentityException exception) {
    exceptions.put(exception.ref(), exception);
    each(ClusterListener::allIdentitiesChanged);
  }

  public void putSecret(SecretRef ref, Map<String, byte[]> data) {
    secrets.put(ref, Map.copyOf(data));
    each(l -> l.secretChanged(ref));
  }

  @Override
  public List<PodInfo> podsWithAddress(String canonicalAddress) {
    return pods.values().stream().filter(p -> p.addresses().contains(canonicalAddress)).toList();
  }

  @Override
  public Optional<PodInfo> pod(PodRef ref) {
    return Optional.ofNullable(pods.get(ref));
  }

  @Override
  public IdentityView identities(PodRef pod) {
    List<PodIdentityException> inNamespace = exceptions.values().stream()
        .filter(e -> e.ref().namespace().equals(pod.namespace())).toList();
    if (managed) {
      return new IdentityView.Managed(List.copyOf(bindings.values()), List.copyOf(identities.values()), inNamespace);
    }
    return new IdentityView.Standard(assigned.values().stream().filter(a -> a.pod().equals(pod)).toList(),
        inNamespace);
  }

  @Override
  public SecretLookup secret(SecretRef ref) {
    Map<String, byte[]> data = secrets.get(ref);
    return data == null ? new SecretLookup.Missing("secrets \"" + ref.name() + "\" not found")
        : new SecretLookup.Found(data);
  }

  @Override
  public boolean synced() {
    return synced;
  }

  @Override
  public void subscribe(ClusterListener listener) {
    listeners.add(listener);
  }

  private void each(Consumer<ClusterListener> event) {
    listeners.forEach(event);
  }
}
