package io.podidentity.common.crd;

/** An {@code AzureAssignedIdentity}: MIC's record of one pod matched to one identity, read by NMI. */
public class V1AzureAssignedIdentity
    extends CrdObject<V1AzureAssignedIdentitySpec, V1AzureAssignedIdentityStatus, V1AzureAssignedIdentity> {
  public V1AzureAssignedIdentity() {
    super(CrdNames.AZURE_ASSIGNED_IDENTITY_KIND);
  }
}
