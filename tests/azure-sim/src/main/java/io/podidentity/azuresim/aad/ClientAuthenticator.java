package io.podidentity.azuresim.aad;

import io.podidentity.azuresim.jwt.JsonWebToken;
import io.podidentity.azuresim.world.World;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates the client of a {@code client_credentials} request by secret (form or HTTP Basic), certificate
 * assertion or federated assertion, in the order and with the errors Azure AD uses.
 */
public final class ClientAuthenticator {
  static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private final World world;
  private final IssuerKeySource issuerKeys;
  private final Clock clock;

  public ClientAuthenticator(World world, IssuerKeySource issuerKeys, Clock clock) {
    this.world = world;
    this.issuerKeys = issuerKeys;
    this.clock = clock;
  }

  /**
   * @param tenantId the resolved tenant of the request path
   * @param tokenEndpoints the URLs (no trailing slash) a certificate assertion may name as {@code aud}
   */
  public ClientAuthOutcome authenticate(String tenantId, Map<String, String> form, Optional<String> authorization,
      Set<String> tokenEndpoints) {
    Optional<String[]> basic = authorization.flatMap(ClientAuthenticator::basicCredentials);
    String clientId = form.getOrDefault("client_id", basic.map(b -> b[0]).orElse(""));
    if (clientId.isEmpty()) {
      return new ClientAuthOutcome.Rejected(AadError.missingParameter("client_id"));
    }
    Optional<ClientPrincipal> client = find(tenantId, clientId);
    if (client.isEmpty()) {
      return new ClientAuthOutcome.Rejected(AadError.applicationNotFound(clientId, tenantId));
    }
    String assertion = form.get("client_assertion");
    if (assertion != null) {
      return assertion(client.get(), form.get("client_assertion_type"), assertion, tokenEndpoints);
    }
    String secret = form.getOrDefault("client_secret", basic.map(b -> b[1]).orElse(null));
    if (secret == null) {
      return new ClientAuthOutcome.Rejected(AadError.noCredential());
    }
    return client.get().secrets().contains(secret)
        ? new ClientAuthOutcome.Authenticated(client.get().subject("1"))
        : new ClientAuthOutcome.Rejected(AadError.invalidSecret(clientId));
  }

  private ClientAuthOutcome assertion(ClientPrincipal client, String type, String text, Set<String> endpoints) {
    if (!JWT_BEARER.equals(type)) {
      return new ClientAuthOutcome.Rejected(AadError.missingParameter("client_assertion_type"));
    }
    Optional<JsonWebToken> jwt = JsonWebToken.parse(text);
    if (jwt.isEmpty()) {
      return new ClientAuthOutcome.Rejected(AadError.malformedAssertion());
    }
    // A certificate assertion is self-issued by the client; anything else is a federated token.
    boolean selfIssued = jwt.get().claimString("iss").map(client.appId()::equalsIgnoreCase).orElse(false);
    return selfIssued
        ? CertificateAssertionCheck.verify(client, jwt.get(), endpoints, clock.instant())
        : FederatedAssertionCheck.verify(client, jwt.get(), issuerKeys, clock.instant());
  }

  private Optional<ClientPrincipal> find(String tenantId, String clientId) {
    return world.directory().application(clientId)
        .flatMap(app -> world.directory().servicePrincipalIn(clientId, tenantId)
            .map(sp -> ClientPrincipal.of(app, tenantId, sp)))
        .or(() -> world.identities().byClientId(clientId)
            .filter(i -> i.tenantId().equalsIgnoreCase(tenantId)).map(ClientPrincipal::of));
  }

  private static Optional<String[]> basicCredentials(String header) {
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? Optional.empty() : Optional.of(new String[] {
          java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
