package io.podidentity.azuresim.aad;

import io.podidentity.azuresim.jwt.JsonWebKeySet;
import io.podidentity.azuresim.jwt.JsonWebToken;
import io.podidentity.azuresim.world.FederatedCredential;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a federated assertion (workload identity federation): it must be current, one of the client's federated
 * identity credentials must match its issuer, subject (both compared exactly) and one audience, and the issuer's
 * published keys must verify its signature.
 */
final class FederatedAssertionCheck {
  private FederatedAssertionCheck() {}

  static ClientAuthOutcome verify(ClientPrincipal client, JsonWebToken assertion, IssuerKeySource keys,
      Instant now) {
    Optional<AadError> lifetime = AssertionLifetime.check(assertion, now);
    if (lifetime.isPresent()) {
      return new ClientAuthOutcome.Rejected(lifetime.get());
    }
    String issuer = assertion.claimString("iss").orElse("");
    String subject = assertion.claimString("sub").orElse("");
    List<String> audiences = assertion.audiences();
    Optional<FederatedCredential> match = client.federatedCredentials().stream()
        .filter(c -> c.issuer().equals(issuer) && c.subject().equals(subject)
            && c.audiences().stream().anyMatch(audiences::contains))
        .findFirst();
    if (match.isEmpty()) {
      return new ClientAuthOutcome.Rejected(AadError.noMatchingFederatedCredential(issuer, subject,
          String.join(",", audiences)));
    }
    Optional<JsonWebKeySet> published = keys.keys(issuer);
    if (published.isEmpty()) {
      return new ClientAuthOutcome.Rejected(AadError.externalOidcEndpointFailed(issuer));
    }
    Optional<PublicKey> key = published.get().keyFor(assertion);
    if (key.isEmpty() || !assertion.verifiesWith(key.get())) {
      return new ClientAuthOutcome.Rejected(AadError.federatedSignature());
    }
    return new ClientAuthOutcome.Authenticated(client.subject("2"));
  }
}
