package io.podidentity.azuresim.aad;

/**
 * The principal a token is issued to. {@code appidacr} is how it authenticated ("1" secret, "2" certificate or
 * federated/managed identity). {@code managedIdentityResourceId} and {@code azureResourceId} are set for managed
 * identity tokens only and become the {@code xms_mirid} and {@code xms_az_rid} claims.
 */
public record TokenSubject(String tenantId, String objectId, String appId, String appidacr,
    String managedIdentityResourceId, String azureResourceId) {

  public static TokenSubject application(String tenantId, String objectId, String appId, String appidacr) {
    return new TokenSubject(tenantId, objectId, appId, appidacr, null, null);
  }
}
