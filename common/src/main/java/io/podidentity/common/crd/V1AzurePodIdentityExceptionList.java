package io.podidentity.common.crd;

/** A list of {@link V1AzurePodIdentityException} objects, as the API server returns it. */
public class V1AzurePodIdentityExceptionList
    extends CrdList<V1AzurePodIdentityException, V1AzurePodIdentityExceptionList> {
  public V1AzurePodIdentityExceptionList() {
    super(CrdNames.AZURE_POD_IDENTITY_EXCEPTION_KIND + "List");
  }
}
