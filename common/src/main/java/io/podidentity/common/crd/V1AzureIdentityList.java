package io.podidentity.common.crd;

/** A list of {@link V1AzureIdentity} objects, as the API server returns it. */
public class V1AzureIdentityList extends CrdList<V1AzureIdentity, V1AzureIdentityList> {
  public V1AzureIdentityList() {
    super(CrdNames.AZURE_IDENTITY_KIND + "List");
  }
}
