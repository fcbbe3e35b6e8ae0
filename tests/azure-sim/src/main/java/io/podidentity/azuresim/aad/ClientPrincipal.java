package io.podidentity.azuresim.aad;

import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.FederatedCredential;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A confidential client as the token endpoint sees it: an app registration (secrets, certificates, federated
 * credentials) or a user-assigned managed identity (federated credentials only).
 */
record ClientPrincipal(String tenantId, String appId, String objectId, List<String> secrets,
    List<X509Certificate> certificates, List<FederatedCredential> federatedCredentials,
    String managedIdentityResourceId) {

  /** The app as its service principal in {@code tenantId}, which may be another tenant than its home. */
  static ClientPrincipal of(Application app, String tenantId, String servicePrincipalId) {
    return new ClientPrincipal(tenantId, app.appId(), servicePrincipalId, app.secrets(), app.certificates(),
        app.federatedCredentials(), null);
  }

  static ClientPrincipal of(UserAssignedIdentity identity) {
    return new ClientPrincipal(identity.tenantId(), identity.clientId(), identity.principalId(), List.of(), List.of(),
        identity.federatedCredentials(), identity.id().toString());
  }

  TokenSubject subject(String appidacr) {
    return new TokenSubject(tenantId, objectId, appId, appidacr, managedIdentityResourceId, null);
  }
}
