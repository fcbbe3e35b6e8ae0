package io.podidentity.azuresim.world;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An app registration with its service principal in one tenant. {@code appId} is the client id callers present,
 * {@code servicePrincipalId} the object id tokens carry in {@code oid} and role assignments name. Resources a token
 * can be requested for are matched against {@code identifierUris} and {@code appId}; {@code accessTokenVersion}
 * (1 or 2) decides the shape of tokens issued for it, as the app manifest does.
 */
public record Application(String tenantId, String appId, String servicePrincipalId, String displayName,
    List<String> secrets, List<X509Certificate> certificates, List<FederatedCredential> federatedCredentials,
    List<String> identifierUris, int accessTokenVersion) {

  public Application {
    secrets = List.copyOf(secrets);
    certificates = List.copyOf(certificates);
    federatedCredentials = List.copyOf(federatedCredentials);
    identifierUris = List.copyOf(identifierUris);
    if (accessTokenVersion != 1 && accessTokenVersion != 2) {
      throw new IllegalArgumentException("accessTokenVersion must be 1 or 2");
    }
  }

  public Application withSecrets(List<String> next) {
    return new Application(tenantId, appId, servicePrincipalId, displayName, next, certificates,
        federatedCredentials, identifierUris, accessTokenVersion);
  }

  public Application withCertificates(List<X509Certificate> next) {
    return new Application(tenantId, appId, servicePrincipalId, displayName, secrets, next, federatedCredentials,
        identifierUris, accessTokenVersion);
  }

  public Application withFederatedCredentials(List<FederatedCredential> next) {
    return new Application(tenantId, appId, servicePrincipalId, displayName, secrets, certificates, next,
        identifierUris, accessTokenVersion);
  }
}
