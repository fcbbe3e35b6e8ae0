package io.podidentity.common.crd;

/** A list of {@link V1AzureAssignedIdentity} objects, as the API server returns it. */
public class V1AzureAssignedIdentityList extends CrdList<V1AzureAssignedIdentity, V1AzureAssignedIdentityList> {
  public V1AzureAssignedIdentityList() {
    super(CrdNames.AZURE_ASSIGNED_IDENTITY_KIND + "List");
  }
}
