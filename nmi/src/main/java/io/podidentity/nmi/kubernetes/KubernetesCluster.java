package io.podidentity.nmi.kubernetes;

import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.openapi.ApiClient;
import io.podidentity.common.crd.AzureAssignedIdentityMapper;
import io.podidentity.common.crd.AzureIdentityBindingMapper;
import io.podidentity.common.crd.AzureIdentityMapper;
import io.podidentity.common.crd.AzurePodIdentityExceptionMapper;
import io.podidentity.common.crd.CrdKind;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.common.crd.V1AzureIdentityBinding;
import io.podidentity.common.crd.V1AzureIdentityBindingList;
import io.podidentity.common.crd.V1AzureIdentityList;
import io.podidentity.common.crd.V1AzurePodIdentityException;
import io.podidentity.common.crd.V1AzurePodIdentityExceptionList;
import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.PodIdentityException;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.model.SecretRef;
import io.podidentity.nmi.cluster.ClusterListener;
import io.podidentity.nmi.cluster.ClusterView;
import io.podidentity.nmi.config.NmiSettings;
import io.podidentity.nmi.decide.IdentityView;
import io.podidentity.nmi.decide.PodInfo;
import io.podidentity.nmi.decide.PolicySettings;
import io.podidentity.nmi.token.SecretLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link ClusterView} over client-java informers: pods of this node, and in standard mode the assigned
 * identities of this node, in managed mode every binding and identity; exceptions always; the Secrets that service
 * principal identities name. Events update the indexes and are passed on to the listeners.
 */
public final class KubernetesCluster implements ClusterView {
  private final boolean managed;
  private final NodeInformers informers;
  private final List<SharedIndexInformer<?>> started = new ArrayList<>();
  private final List<ClusterListener> listeners = new CopyOnWriteArrayList<>();
  private final AddressIndex pods = new AddressIndex();
  private final AssignmentIndex assignments = new AssignmentIndex();
  private final MappedCache<V1AzurePodIdentityException, PodIdentityException> exceptions;
  private final MappedCache<V1AzureIdentity, AzureIdentity> identities;
  private final MappedCache<V1AzureIdentityBinding, IdentityBinding> bindings;
  private final MappedCache<io.podidentity.common.crd.V1AzureAssignedIdentity, AssignedIdentity> assigned;
  private final SecretWatches secrets;

  public KubernetesCluster(ApiClient client, NmiSettings settings) {
    this.managed = settings.policy().mode() == PolicySettings.Mode.MANAGED;
    this.informers = new NodeInformers(client, settings.kubernetes().resyncPeriod());
    this.secrets = new SecretWatches(client, settings.kubernetes().resyncPeriod(),
        ref -> each(l -> l.secretChanged(ref)));
    MappedCache<io.kubernetes.client.openapi.models.V1Pod, PodInfo> podCache = new MappedCache<>("pod",
        pod -> PodMapper.toInfo(pod).map(Mapped::valid).orElseGet(() -> Mapped.rejected("no name or namespace")),
        (before, after) -> podChanged(before, after));
    attach(podCache, informers.pods(settings.node()));
    exceptions = new MappedCache<>("AzurePodIdentityException", AzurePodIdentityExceptionMapper::toDomain,
        (before, after) -> each(ClusterListener::allIdentitiesChanged));
    attach(exceptions, informers.all(CrdKind.AZURE_POD_IDENTITY_EXCEPTION, V1AzurePodIdentityException.class,
        V1AzurePodIdentityExceptionList.class));
    ManagedChanges managedChanges = new ManagedChanges(this::identitiesInNamespace, this::each, this::wantSecrets);
    identities = new MappedCache<>("AzureIdentity", AzureIdentityMapper::toDomain, managedChanges::identityChanged);
    bindings = new MappedCache<>("AzureIdentityBinding", AzureIdentityBindingMapper::toDomain,
        managedChanges::bindingChanged);
    assigned = new MappedCache<>("AzureAssignedIdentity", AzureAssignedIdentityMapper::toDomain,
        this::assignmentChanged);
    if (managed) {
      attach(identities, informers.all(CrdKind.AZURE_IDENTITY, V1AzureIdentity.class, V1AzureIdentityList.class));
      attach(bindings, informers.all(CrdKind.AZURE_IDENTITY_BINDING, V1AzureIdentityBinding.class,
          V1AzureIdentityBindingList.class));
    } else {
      attach(assigned, informers.assignedIdentities(settings.node(), settings.kubernetes().scaleFeatures()));
    }
  }

  @Override
  public void start() {
    informers.start();
  }

  @Override
  public List<PodInfo> podsWithAddress(String canonicalAddress) {
    return pods.holding(canonicalAddress);
  }

  @Override
  public Optional<PodInfo> pod(PodRef ref) {
    return pods.pod(ref);
  }

  @Override
  public IdentityView identities(PodRef pod) {
    List<PodIdentityException> inNamespace = exceptions.values().stream()
        .filter(e -> e.ref().namespace().equals(pod.namespace())).toList();
    if (!managed) {
      return new IdentityView.Standard(assignments.of(pod), inNamespace);
    }
    return new IdentityView.Managed(
        bindings.values().stream().filter(b -> b.ref().namespace().equals(pod.namespace())).toList(),
        identitiesInNamespace(pod.namespace()), inNamespace);
  }

  @Override
  public SecretLookup secret(SecretRef ref) {
    return secrets.lookup(ref);
  }

  @Override
  public boolean synced() {
    return started.stream().allMatch(SharedIndexInformer::hasSynced);
  }

  @Override
  public void subscribe(ClusterListener listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    informers.stop();
    secrets.close();
  }

  private <W extends io.kubernetes.client.common.KubernetesObject> void attach(MappedCache<W, ?> cache,
      SharedIndexInformer<W> informer) {
    cache.attach(informer);
    started.add(informer);
  }

  private void podChanged(Optional<PodInfo> before, Optional<PodInfo> after) {
    pods.replace(before, after).forEach(address -> each(l -> l.addressChanged(address)));
    if (managed) {
      before.or(() -> after).ifPresent(pod -> each(l -> l.identitiesChanged(pod.ref())));
    }
  }

  private void assignmentChanged(Optional<AssignedIdentity> before, Optional<AssignedIdentity> after) {
    assignments.replace(before, after);
    before.filter(b -> Revocation.revokes(b, after)).ifPresent(b -> each(l -> l.identityRevoked(
        b.identity().clientId())));
    before.ifPresent(b -> each(l -> l.identitiesChanged(b.pod())));
    after.ifPresent(a -> each(l -> l.identitiesChanged(a.pod())));
    wantSecrets();
  }

  private List<AzureIdentity> identitiesInNamespace(String namespace) {
    return identities.values().stream().filter(i -> i.ref().namespace().equals(namespace)).toList();
  }

  private void wantSecrets() {
    List<AzureIdentity> used = managed ? List.copyOf(identities.values())
        : assigned.values().stream().map(AssignedIdentity::identity).toList();
    secrets.want(Revocation.secretsOf(used));
  }

  private void each(Consumer<ClusterListener> event) {
    listeners.forEach(event);
  }
}
