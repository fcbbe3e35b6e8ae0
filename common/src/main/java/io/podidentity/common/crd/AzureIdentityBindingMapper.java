package io.podidentity.common.crd;

import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.ObjectRef;

/**
 * Validates a {@link V1AzureIdentityBinding} into an {@link IdentityBinding}: it needs the name of the identity to
 * bind ({@code spec.azureIdentity}) and the label value that selects pods ({@code spec.selector}); without either
 * it can never match a pod.
 */
public final class AzureIdentityBindingMapper {
  private static final String KIND = CrdNames.AZURE_IDENTITY_BINDING_KIND;

  private AzureIdentityBindingMapper() {}

  /** The domain binding, or a rejection of the form {@code AzureIdentityBinding ns/name: <field> is missing}. */
  public static Mapped<IdentityBinding> toDomain(V1AzureIdentityBinding wire) {
    return WireObjects.ref(KIND, wire).flatMap(ref -> fromSpec(ref, wire).explain(KIND + " " + ref));
  }

  private static Mapped<IdentityBinding> fromSpec(ObjectRef ref, V1AzureIdentityBinding wire) {
    V1AzureIdentityBindingSpec spec = wire.getSpec() == null ? new V1AzureIdentityBindingSpec() : wire.getSpec();
    return WireObjects.required("spec.azureIdentity", spec.getAzureIdentity())
        .flatMap(identityName -> WireObjects.required("spec.selector", spec.getSelector())
            .map(selector ->
                new IdentityBinding(ref, WireObjects.resourceVersion(wire), identityName, selector)));
  }
}
