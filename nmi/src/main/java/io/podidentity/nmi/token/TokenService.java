package io.podidentity.nmi.token;

import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityCredential;
import io.podidentity.common.model.SecretRef;
import io.podidentity.nmi.cluster.ClusterView;
import io.podidentity.nmi.decide.TokenDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Fetches the token a decision allows: from the cache when it holds a fresh one, else from IMDS (user-assigned
 * identities, and the node's own identities for excepted pods and MIC) or from Azure AD (service principals, with
 * the credential read from the watched Secret). Only called after the decision, for the identity decided.
 */
public final class TokenService {
  private final TokenCache cache;
  private final ImdsTokenClient imds;
  private final AadTokenClient aad;
  private final ClusterView cluster;

  public TokenService(TokenCache cache, ImdsTokenClient imds, AadTokenClient aad, ClusterView cluster) {
    this.cache = cache;
    this.imds = imds;
    this.aad = aad;
    this.cluster = cluster;
  }

  public CompletableFuture<TokenOutcome> token(TokenDecision.Issue issue) {
    AzureIdentity identity = issue.identity();
    String clientId = identity.clientId().value();
    String resource = issue.resource();
    return switch (identity.credential()) {
      case IdentityCredential.UserAssignedMsi msi -> cache.get(
          new TokenKey(TokenKey.Kind.USER_ASSIGNED, clientId, "", Optional.empty(), "", resource),
          () -> imds.token(clientId, resource));
      case IdentityCredential.ServicePrincipalSecret sp -> cache.get(
          new TokenKey(TokenKey.Kind.SERVICE_PRINCIPAL, clientId, sp.tenantId(), Optional.of(sp.secret()),
              sp.adEndpoint(), resource),
          () -> servicePrincipal(clientId, sp.secret(), SecretCredentials::clientSecret, sp.adEndpoint(),
              tenants(sp.tenantId(), sp.auxiliaryTenantIds()), resource));
      case IdentityCredential.ServicePrincipalCertificate sp -> cache.get(
          new TokenKey(TokenKey.Kind.SERVICE_PRINCIPAL_CERTIFICATE, clientId, sp.tenantId(), Optional.of(sp.secret()),
              sp.adEndpoint(), resource),
          () -> servicePrincipal(clientId, sp.secret(), SecretCredentials::certificate, sp.adEndpoint(),
              List.of(sp.tenantId()), resource));
    };
  }

  /** The node's own identity for an excepted pod or MIC: the named user-assigned one, or the system-assigned one. */
  public CompletableFuture<TokenOutcome> nodeToken(TokenDecision.IssueNodeToken issue) {
    return cache.get(new TokenKey(TokenKey.Kind.NODE, issue.clientId(), "", Optional.empty(), "", issue.resource()),
        () -> imds.token(issue.clientId(), issue.resource()));
  }

  public TokenCache cache() {
    return cache;
  }

  private CompletableFuture<TokenOutcome> servicePrincipal(String clientId, SecretRef ref,
      BiFunction<SecretRef, Map<String, byte[]>, SecretCredentials.Read> reader, String adEndpoint,
      List<String> tenants, String resource) {
    SecretCredentials.Read read = switch (cluster.secret(ref)) {
      case SecretLookup.Found found -> reader.apply(ref, found.data());
      case SecretLookup.Missing missing -> new SecretCredentials.Read.Failed(
          "failed to get Kubernetes secret " + ref + ", err: " + missing.message());
    };
    return switch (read) {
      case SecretCredentials.Read.Ready ready -> aad.tokens(clientId, ready.credential(), adEndpoint, tenants,
          resource);
      case SecretCredentials.Read.Failed failed ->
          CompletableFuture.completedFuture(new TokenOutcome.Unavailable(failed.message()));
    };
  }

  private static List<String> tenants(String primary, List<String> auxiliary) {
    List<String> all = new ArrayList<>();
    all.add(primary);
    all.addAll(auxiliary);
    return all;
  }
}
