package io.podidentity.common.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A validated {@code AzureIdentity}: who it is ({@code clientId}), how tokens are obtained ({@code credential}) and
 * whether it only matches bindings and pods of its own namespace (the {@code aadpodidentity.k8s.io/Behavior:
 * namespaced} annotation). {@code resourceVersion} is kept because MIC's desired-versus-current match compares it: a
 * write to the identity re-runs the assignment.
 *
 * @param resourceId the {@code spec.resourceID} when it is a valid user-assigned identity ID; always present for
 *     {@link IdentityType#USER_ASSIGNED_MSI}. NMI matches a request's {@code msi_res_id} against it for every type,
 *     as the original does.
 */
public record AzureIdentity(
    ObjectRef ref,
    String resourceVersion,
    ClientId clientId,
    IdentityCredential credential,
    Optional<UserAssignedIdentityId> resourceId,
    boolean namespaced) {

  public AzureIdentity {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(resourceVersion, "resourceVersion");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(resourceId, "resourceId");
    if (credential instanceof IdentityCredential.UserAssignedMsi msi
        && !resourceId.equals(Optional.of(msi.resourceId()))) {
      throw new IllegalArgumentException("resourceId must be the user-assigned identity's: " + msi.resourceId());
    }
  }

  /** A user-assigned identity; its {@code resourceId} is the credential's. */
  public static AzureIdentity userAssigned(
      ObjectRef ref, String resourceVersion, ClientId clientId, UserAssignedIdentityId resourceId, boolean namespaced) {
    return new AzureIdentity(
        ref,
        resourceVersion,
        clientId,
        new IdentityCredential.UserAssignedMsi(resourceId),
        Optional.of(resourceId),
        namespaced);
  }

  public IdentityType type() {
    return credential.type();
  }

  /**
   * Whether this identity may only serve a pod and binding of its own namespace: always in namespaced mode
   * ({@code forceNamespaced}), otherwise only when annotated.
   */
  public boolean restrictedToNamespace(boolean forceNamespaced) {
    return forceNamespaced || namespaced;
  }
}
