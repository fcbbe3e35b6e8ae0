package io.podidentity.common.crd;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodRef;
import java.util.List;
import java.util.Map;

/**
 * Converts {@link V1AzureAssignedIdentity} both ways. Reading validates the embedded identity and binding with their
 * own mappers and needs the pod, its namespace, the node and a known state. Writing builds the object exactly as
 * the original MIC creates it, so both can manage the same objects and NMI's node-label watch finds it.
 */
public final class AzureAssignedIdentityMapper {
  private static final String KIND = CrdNames.AZURE_ASSIGNED_IDENTITY_KIND;

  private AzureAssignedIdentityMapper() {}

  /** The domain assignment, or a rejection naming the object and the field (nested reasons for the copies). */
  public static Mapped<AssignedIdentity> toDomain(V1AzureAssignedIdentity wire) {
    return WireObjects.ref(KIND, wire).flatMap(ref -> fromSpec(ref, wire).explain(KIND + " " + ref));
  }

  /**
   * A new assigned identity for {@code pod} on {@code nodeName}, as MIC POSTs it: named {@code
   * <pod>-<podNamespace>-<identity>}, in the identity's namespace when {@code forceNamespaced} or the identity is
   * annotated namespaced and in {@code default} otherwise, labelled only {@code nodename=<node>}, with the finalizer,
   * full copies of the identity and binding, and status {@code Created} with {@code availableReplicas} 1.
   */
  public static V1AzureAssignedIdentity newAssignedIdentity(
      V1AzureIdentity identity, V1AzureIdentityBinding binding, PodRef pod, String nodeName, boolean forceNamespaced) {
    V1ObjectMeta identityMeta = identity.getMetadata();
    ObjectRef identityRef = new ObjectRef(identityMeta.getNamespace(), identityMeta.getName());
    boolean restricted = forceNamespaced || WireObjects.isNamespacedIdentity(identity);
    V1ObjectMeta metadata = new V1ObjectMeta()
        .name(AssignedIdentity.nameFor(pod, identityRef.name()))
        .namespace(AssignedIdentity.namespaceFor(identityRef, restricted))
        .labels(Map.of(CrdNames.NODE_NAME_LABEL, nodeName))
        .finalizers(List.of(CrdNames.ASSIGNED_IDENTITY_FINALIZER));
    V1AzureAssignedIdentitySpec spec = new V1AzureAssignedIdentitySpec()
        .azureIdentityRef(copy(identity, V1AzureIdentity.class).apiVersion(CrdNames.API_VERSION)
            .kind(CrdNames.AZURE_IDENTITY_KIND))
        .azureBindingRef(copy(binding, V1AzureIdentityBinding.class).apiVersion(CrdNames.API_VERSION)
            .kind(CrdNames.AZURE_IDENTITY_BINDING_KIND))
        .pod(pod.name())
        .podNamespace(pod.namespace())
        .nodeName(nodeName);
    V1AzureAssignedIdentityStatus status = new V1AzureAssignedIdentityStatus()
        .status(AssignmentState.CREATED.wireValue())
        .availableReplicas(1);
    return new V1AzureAssignedIdentity().metadata(metadata).spec(spec).status(status);
  }

  private static Mapped<AssignedIdentity> fromSpec(ObjectRef ref, V1AzureAssignedIdentity wire) {
    V1AzureAssignedIdentitySpec spec = wire.getSpec();
    if (spec == null) {
      return Mapped.rejected("spec is missing");
    }
    if (spec.getAzureIdentityRef() == null) {
      return Mapped.rejected("spec.azureIdentityRef is missing");
    }
    if (spec.getAzureBindingRef() == null) {
      return Mapped.rejected("spec.azureBindingRef is missing");
    }
    return AzureIdentityMapper.toDomain(spec.getAzureIdentityRef()).explain("spec.azureIdentityRef")
        .flatMap(identity -> AzureIdentityBindingMapper.toDomain(spec.getAzureBindingRef())
            .explain("spec.azureBindingRef")
            .flatMap(binding -> pod(spec)
                .flatMap(pod -> WireObjects.required("spec.nodename", spec.getNodeName())
                    .flatMap(node -> state(wire.getStatus())
                        .map(state -> new AssignedIdentity(
                            ref, WireObjects.resourceVersion(wire), identity, binding, pod, node, state))))));
  }

  private static Mapped<PodRef> pod(V1AzureAssignedIdentitySpec spec) {
    return WireObjects.required("spec.pod", spec.getPod())
        .flatMap(name -> WireObjects.required("spec.podNamespace", spec.getPodNamespace())
            .map(namespace -> new PodRef(namespace, name)));
  }

  private static Mapped<AssignmentState> state(V1AzureAssignedIdentityStatus status) {
    String text = status == null ? null : status.getStatus();
    return AssignmentState.fromWire(text)
        .<Mapped<AssignmentState>>map(Mapped::valid)
        .orElseGet(() -> Mapped.rejected("status.status \"" + text + "\" is not Created, Assigned or Unassigned"));
  }

  // A deep copy through the client's own JSON mapping: the embedded objects must not share state with the cache.
  private static <T> T copy(T object, Class<T> type) {
    Gson gson = JSON.getGson();
    return gson.fromJson(gson.toJsonTree(object), type);
  }
}
