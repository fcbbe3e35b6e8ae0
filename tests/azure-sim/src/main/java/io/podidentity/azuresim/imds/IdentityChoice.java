package io.podidentity.azuresim.imds;

/** Which identity an IMDS token request resolves to on a machine. */
public sealed interface IdentityChoice {
  /**
   * An identity to issue a token for: object and client id, tenant, and the resource id that goes into the token's
   * {@code xms_mirid} (the user-assigned identity, or the VM/scale set for a system-assigned one).
   */
  record Chosen(String principalId, String clientId, String tenantId, String managedIdentityResourceId)
      implements IdentityChoice {}

  record NotFound() implements IdentityChoice {}

  record Ambiguous() implements IdentityChoice {}
}
