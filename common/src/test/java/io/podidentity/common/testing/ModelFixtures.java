package io.podidentity.common.testing;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.ClientId;
import io.podidentity.common.model.ComputeRef;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.IdentityCredential;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.model.SecretRef;
import io.podidentity.common.model.UserAssignedIdentityId;
import io.podidentity.common.plan.ComputeTarget;
import io.podidentity.common.plan.NodePlacement;
import io.podidentity.common.plan.PodView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Domain records for planner and executor tests. Client IDs are derived from the identity's name, so two identities
 * of the same name share one (as re-creating an identity in place would not), and resource IDs live in the fixtures'
 * subscription ({@link UserAssignedIdentityIds#named}). Nodes named {@code vm-*} are standalone VMs in {@link
 * #NODE_RESOURCE_GROUP}; scale-set nodes are made with {@link #scaleSetNode}.
 */
public final class ModelFixtures {
  public static final String NODE_RESOURCE_GROUP = "nodes-rg";

  private ModelFixtures() {}

  public static ClientId clientIdOf(String identityName) {
    return new ClientId(UUID.nameUUIDFromBytes(identityName.getBytes(StandardCharsets.UTF_8)).toString());
  }

  /** A type-0 identity at resourceVersion "1". */
  public static AzureIdentity userAssigned(String namespace, String name) {
    return userAssigned(namespace, name, "1");
  }

  public static AzureIdentity userAssigned(String namespace, String name, String resourceVersion) {
    return AzureIdentity.userAssigned(new ObjectRef(namespace, name), resourceVersion, clientIdOf(name),
        UserAssignedIdentityIds.named(name), false);
  }

  /** A type-0 identity annotated {@code aadpodidentity.k8s.io/Behavior: namespaced}. */
  public static AzureIdentity namespacedUserAssigned(String namespace, String name) {
    return AzureIdentity.userAssigned(new ObjectRef(namespace, name), "1", clientIdOf(name),
        UserAssignedIdentityIds.named(name), true);
  }

  /** A type-1 identity: no VM assignment needed. */
  public static AzureIdentity servicePrincipal(String namespace, String name) {
    return new AzureIdentity(new ObjectRef(namespace, name), "1", clientIdOf(name),
        new IdentityCredential.ServicePrincipalSecret(CrdFixtures.TENANT, new SecretRef(namespace, name + "-secret"),
            List.of(), ""),
        Optional.empty(), false);
  }

  public static IdentityBinding binding(String namespace, String name, String identityName, String selector) {
    return new IdentityBinding(new ObjectRef(namespace, name), "1", identityName, selector);
  }

  public static PodView pod(String namespace, String name, String nodeName, String selector) {
    return PodView.running(new PodRef(namespace, name), nodeName, selector);
  }

  public static ComputeRef vm(String name) {
    return new ComputeRef.StandaloneVm(CrdFixtures.SUBSCRIPTION, NODE_RESOURCE_GROUP, name);
  }

  public static NodePlacement vmNode(String name) {
    return new NodePlacement.Placed(vm(name));
  }

  public static NodePlacement scaleSetNode(String scaleSet, String instanceId) {
    return new NodePlacement.Placed(
        new ComputeRef.ScaleSetVm(CrdFixtures.SUBSCRIPTION, NODE_RESOURCE_GROUP, scaleSet, instanceId));
  }

  public static ComputeTarget vmTarget(String name) {
    return ComputeTarget.of(vm(name));
  }

  public static ComputeTarget scaleSetTarget(String scaleSet) {
    return new ComputeTarget(ComputeTarget.Kind.SCALE_SET, CrdFixtures.SUBSCRIPTION, NODE_RESOURCE_GROUP, scaleSet);
  }

  /** An assigned identity as MIC would have written it for this pod, identity and binding. */
  public static AssignedIdentity assigned(
      PodView pod, AzureIdentity identity, IdentityBinding binding, AssignmentState state) {
    return new AssignedIdentity(AssignedIdentity.refFor(pod.ref(), identity, false), "7", identity, binding,
        pod.ref(), pod.nodeName(), state);
  }

  public static UserAssignedIdentityId idOf(AzureIdentity identity) {
    return identity.resourceId().orElseThrow();
  }
}
