package io.podidentity.common.testing;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1SecretReference;
import io.podidentity.common.crd.CrdNames;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.common.crd.V1AzureIdentityBinding;
import io.podidentity.common.crd.V1AzureIdentityBindingSpec;
import io.podidentity.common.crd.V1AzureIdentitySpec;
import io.podidentity.common.crd.V1AzurePodIdentityException;
import io.podidentity.common.crd.V1AzurePodIdentityExceptionSpec;
import java.util.Map;

/**
 * Valid wire objects for tests of MIC, NMI and this module, shaped like the samples in {@code k8s/samples}. Each
 * call returns a new object that the test may change freely.
 */
public final class CrdFixtures {
  public static final String SUBSCRIPTION = "2b6c4e1a-7f3d-4c8e-9a52-0d1e6f8b3c47";
  public static final String TENANT = "e3b1c9a4-2f7d-4d1e-8c6a-9b0f5e7d2c18";
  public static final String CLIENT_ID = "8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a56";

  private CrdFixtures() {}

  /** The ARM ID of a user-assigned identity named {@code name} in the fixtures' subscription. */
  public static String userAssignedIdentityId(String resourceGroup, String name) {
    return "/subscriptions/" + SUBSCRIPTION + "/resourcegroups/" + resourceGroup
        + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name;
  }

  /** A type-0 identity with resourceVersion "1". */
  public static V1AzureIdentity userAssignedIdentity(String namespace, String name, String clientId) {
    return new V1AzureIdentity()
        .metadata(meta(namespace, name))
        .spec(new V1AzureIdentitySpec()
            .type(0)
            .resourceID(userAssignedIdentityId("identities-rg", name))
            .clientID(clientId));
  }

  /** A type-1 identity whose secret lives beside it. */
  public static V1AzureIdentity servicePrincipal(String namespace, String name, String clientId) {
    return new V1AzureIdentity()
        .metadata(meta(namespace, name))
        .spec(new V1AzureIdentitySpec()
            .type(1)
            .tenantID(TENANT)
            .clientID(clientId)
            .clientPassword(new V1SecretReference().name(name + "-secret").namespace(namespace)));
  }

  /** A type-2 identity whose certificate secret lives beside it. */
  public static V1AzureIdentity certificateServicePrincipal(String namespace, String name, String clientId) {
    V1AzureIdentity identity = servicePrincipal(namespace, name, clientId);
    identity.getSpec().type(2).clientPassword(new V1SecretReference().name(name + "-cert").namespace(namespace));
    return identity;
  }

  /** An identity carrying {@code aadpodidentity.k8s.io/Behavior: namespaced}. */
  public static V1AzureIdentity namespaced(V1AzureIdentity identity) {
    identity.getMetadata().putAnnotationsItem(CrdNames.BEHAVIOR_ANNOTATION, CrdNames.BEHAVIOR_NAMESPACED);
    return identity;
  }

  /** A binding with resourceVersion "1". */
  public static V1AzureIdentityBinding binding(String namespace, String name, String identity, String selector) {
    return new V1AzureIdentityBinding()
        .metadata(meta(namespace, name))
        .spec(new V1AzureIdentityBindingSpec().azureIdentity(identity).selector(selector));
  }

  /** An exception with the given pod labels. */
  public static V1AzurePodIdentityException exception(String namespace, String name, Map<String, String> labels) {
    return new V1AzurePodIdentityException()
        .metadata(meta(namespace, name))
        .spec(new V1AzurePodIdentityExceptionSpec().podLabels(new java.util.HashMap<>(labels)));
  }

  private static V1ObjectMeta meta(String namespace, String name) {
    return new V1ObjectMeta().namespace(namespace).name(name).resourceVersion("1");
  }
}
