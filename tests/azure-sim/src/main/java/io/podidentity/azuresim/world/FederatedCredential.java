package io.podidentity.azuresim.world;

import java.util.List;

/**
 * A federated identity credential of an app registration or user-assigned identity: tokens from {@code issuer} whose
 * {@code sub} equals {@code subject} and whose {@code aud} contains one of {@code audiences} may be exchanged for an
 * Azure AD token. Azure AD compares issuer and subject case-sensitively.
 */
public record FederatedCredential(String name, String issuer, String subject, List<String> audiences) {
  public static final String DEFAULT_AUDIENCE = "api://AzureADTokenExchange";

  public FederatedCredential {
    audiences = List.copyOf(audiences);
  }
}
