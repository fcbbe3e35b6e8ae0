package io.podidentity.common.crd;

/** An {@code AzurePodIdentityException}: labels that let pods of its namespace bypass NMI's checks. */
public class V1AzurePodIdentityException
    extends CrdObject<V1AzurePodIdentityExceptionSpec, V1AzurePodIdentityExceptionStatus, V1AzurePodIdentityException> {
  public V1AzurePodIdentityException() {
    super(CrdNames.AZURE_POD_IDENTITY_EXCEPTION_KIND);
  }
}
