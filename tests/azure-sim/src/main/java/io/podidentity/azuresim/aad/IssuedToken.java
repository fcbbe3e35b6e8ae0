package io.podidentity.azuresim.aad;

import java.time.Instant;

/** A signed access token with the times it carries. */
public record IssuedToken(String accessToken, Instant issuedAt, Instant notBefore, Instant expiresOn,
    TokenAudience audience) {

  public long expiresInSeconds() {
    return expiresOn.getEpochSecond() - issuedAt.getEpochSecond();
  }
}
