package io.podidentity.common.crd;

/** A list of {@link V1AzureIdentityBinding} objects, as the API server returns it. */
public class V1AzureIdentityBindingList extends CrdList<V1AzureIdentityBinding, V1AzureIdentityBindingList> {
  public V1AzureIdentityBindingList() {
    super(CrdNames.AZURE_IDENTITY_BINDING_KIND + "List");
  }
}
