package io.podidentity.azuresim.aad;

/** Whether the client of a token request proved who it is. */
public sealed interface ClientAuthOutcome {
  record Authenticated(TokenSubject subject) implements ClientAuthOutcome {}

  record Rejected(AadError error) implements ClientAuthOutcome {}
}
