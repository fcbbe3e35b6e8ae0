package io.podidentity.common.crd;

/** An {@code AzureIdentity}: an Azure identity that pods may obtain tokens for. */
public class V1AzureIdentity extends CrdObject<V1AzureIdentitySpec, V1AzureIdentityStatus, V1AzureIdentity> {
  public V1AzureIdentity() {
    super(CrdNames.AZURE_IDENTITY_KIND);
  }
}
