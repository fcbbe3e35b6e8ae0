package io.podidentity.nmi.decide;

import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.ClientId;
import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.UserAssignedIdentityId;
import java.util.Objects;

/**
 * What a token request asks for: {@code resource}, and optionally an identity by {@code client_id} or by ARM ID in
 * {@code msi_res_id} (or, when that is empty, {@code mi_res_id}, which azure-identity sends). Empty text means "not
 * given", as in the original. Every other parameter ({@code api-version}, {@code object_id}, ...) is ignored.
 */
public record TokenParameters(String resource, String clientId, String resourceId) {

  public TokenParameters {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(resourceId, "resourceId");
  }

  public static TokenParameters of(QueryString query) {
    String resourceId = query.get("msi_res_id");
    if (resourceId.isEmpty()) {
      resourceId = query.get("mi_res_id");
    }
    return new TokenParameters(query.get("resource"), query.get("client_id"), resourceId);
  }

  /** Whether the request names an identity at all. */
  public boolean namesIdentity() {
    return !clientId.isEmpty() || !resourceId.isEmpty();
  }

  /**
   * Whether {@code identity} is the one asked for: same client ID or same ARM ID, both compared without regard to
   * letter case (GUIDs and ARM IDs are case-insensitive; the original compared case-insensitively while waiting
   * but case-sensitively when picking, which turned a letter-case difference into a 404).
   */
  public boolean asksFor(AzureIdentity identity) {
    return clientIdMatches(identity) || resourceIdMatches(identity);
  }

  private boolean clientIdMatches(AzureIdentity identity) {
    return !clientId.isEmpty() && ClientId.parse(clientId) instanceof Mapped.Valid<ClientId>(ClientId id)
        && id.equals(identity.clientId());
  }

  private boolean resourceIdMatches(AzureIdentity identity) {
    return !resourceId.isEmpty() && identity.resourceId().isPresent()
        && UserAssignedIdentityId.parse(resourceId) instanceof Mapped.Valid<UserAssignedIdentityId>(var id)
        && id.equals(identity.resourceId().get());
  }
}
