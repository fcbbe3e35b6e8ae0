package io.podidentity.mic.kubernetes;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import io.podidentity.common.crd.AzureAssignedIdentityMapper;
import io.podidentity.common.crd.AzureIdentityBindingMapper;
import io.podidentity.common.crd.AzureIdentityMapper;
import io.podidentity.common.crd.V1AzureAssignedIdentity;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.common.crd.V1AzureIdentityBinding;
import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.plan.ClusterSnapshot;
import io.podidentity.common.plan.NodePlacement;
import io.podidentity.common.plan.PodView;
import io.podidentity.common.port.EventTarget;
import io.podidentity.mic.azure.AzureConfig;
import io.podidentity.mic.reconcile.Problem;
import io.podidentity.mic.reconcile.SnapshotSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes a sync's snapshot from the informer caches (with MIC's unconfirmed writes laid over the assigned
 * identities), maps every object to a record and turns each invalid one into a {@link Problem}. Keeps the wire
 * objects behind the snapshot for the store, which embeds them.
 */
public final class InformerSnapshotSource implements SnapshotSource {
  private final ClusterInformers informers;
  private final RecentWrites writes;
  private final Supplier<AzureConfig> cloud;
  private volatile SnapshotObjects objects = SnapshotObjects.EMPTY;

  InformerSnapshotSource(ClusterInformers informers, RecentWrites writes, Supplier<AzureConfig> cloud) {
    this.informers = informers;
    this.writes = writes;
    this.cloud = cloud;
  }

  @Override
  public Captured capture() {
    List<Problem> problems = new ArrayList<>();
    Map<ObjectRef, V1AzureIdentity> wireIdentities = new HashMap<>();
    Map<ObjectRef, AzureIdentity> identities = mapAll(informers.identities.getIndexer().list(),
        AzureIdentityMapper::toDomain, AzureIdentity::ref, wireIdentities, EventTarget::identity,
        Problem.INVALID_IDENTITY, problems);
    Map<ObjectRef, V1AzureIdentityBinding> wireBindings = new HashMap<>();
    Map<ObjectRef, IdentityBinding> bindings = mapAll(informers.bindings.getIndexer().list(),
        AzureIdentityBindingMapper::toDomain, IdentityBinding::ref, wireBindings, EventTarget::binding,
        Problem.INVALID_BINDING, problems);
    Map<ObjectRef, V1AzureAssignedIdentity> wireAssigned = new HashMap<>();
    Map<ObjectRef, AssignedIdentity> assigned = mapAll(writes.overlay(informers.assigned.getIndexer().list()),
        AzureAssignedIdentityMapper::toDomain, AssignedIdentity::ref, wireAssigned, EventTarget::assignedIdentity,
        Problem.INVALID_ASSIGNED_IDENTITY, problems);
    objects = new SnapshotObjects(wireIdentities, wireBindings, wireAssigned);
    ClusterSnapshot snapshot = new ClusterSnapshot(pods(), nodes(), identities, new ArrayList<>(bindings.values()),
        new ArrayList<>(assigned.values()));
    return new Captured(snapshot, problems);
  }

  /** The wire objects behind the latest snapshot. */
  SnapshotObjects objects() {
    return objects;
  }

  private List<PodView> pods() {
    List<PodView> pods = new ArrayList<>();
    for (V1Pod pod : informers.pods.getIndexer().list()) {
      PodMapper.toView(pod).ifPresent(pods::add);
    }
    return pods;
  }

  private Map<String, NodePlacement> nodes() {
    AzureConfig config = cloud.get();
    Map<String, NodePlacement> nodes = new HashMap<>();
    for (V1Node node : informers.nodes.getIndexer().list()) {
      if (node.getMetadata() != null && node.getMetadata().getName() != null) {
        nodes.put(node.getMetadata().getName(), NodeMapper.toPlacement(node, config));
      }
    }
    return nodes;
  }

  private static <W extends KubernetesObject, R> Map<ObjectRef, R> mapAll(List<W> wire,
      Function<W, Mapped<R>> mapper, Function<R, ObjectRef> refOf, Map<ObjectRef, W> wireByRef,
      Function<ObjectRef, EventTarget> target, String reason, List<Problem> problems) {
    Map<ObjectRef, R> records = new HashMap<>();
    for (W object : wire) {
      switch (mapper.apply(object)) {
        case Mapped.Valid<R>(R record) -> {
          records.put(refOf.apply(record), record);
          wireByRef.put(refOf.apply(record), object);
        }
        case Mapped.Rejected<R>(String why) -> problems.add(new Problem(target.apply(refOf(object)), reason, why));
      }
    }
    return records;
  }

  private static ObjectRef refOf(KubernetesObject object) {
    String namespace = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
    String name = object.getMetadata() == null ? null : object.getMetadata().getName();
    return new ObjectRef(namespace == null || namespace.isBlank() ? "default" : namespace,
        name == null || name.isBlank() ? "unnamed" : name);
  }
}
