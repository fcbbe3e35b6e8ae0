package io.podidentity.common.crd;

/** An {@code AzureIdentityBinding}: lets pods with a matching {@code aadpodidbinding} label use an identity. */
public class V1AzureIdentityBinding
    extends CrdObject<V1AzureIdentityBindingSpec, V1AzureIdentityBindingStatus, V1AzureIdentityBinding> {
  public V1AzureIdentityBinding() {
    super(CrdNames.AZURE_IDENTITY_BINDING_KIND);
  }
}
