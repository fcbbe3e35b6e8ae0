package io.podidentity.azuresim.world;

import java.util.List;
import java.util.Map;

/**
 * A {@code Microsoft.ManagedIdentity/userAssignedIdentities} resource. The service fills {@code tenantId},
 * {@code principalId} and {@code clientId} with real UUIDs (the Azure SDK refuses anything else).
 */
public record UserAssignedIdentity(ResourceId id, String location, String tenantId, String principalId,
    String clientId, Map<String, String> tags, List<FederatedCredential> federatedCredentials) {

  public UserAssignedIdentity {
    tags = Map.copyOf(tags);
    federatedCredentials = List.copyOf(federatedCredentials);
  }

  public UserAssignedIdentity withFederatedCredentials(List<FederatedCredential> next) {
    return new UserAssignedIdentity(id, location, tenantId, principalId, clientId, tags, next);
  }
}
