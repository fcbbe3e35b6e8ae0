package io.podidentity.azuresim.aad;

import io.podidentity.azuresim.jwt.JsonWebToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Azure AD's lifetime check on client and federated assertions: {@code exp} required, five minutes of skew. */
final class AssertionLifetime {
  private static final Duration SKEW = Duration.ofMinutes(5);

  private AssertionLifetime() {}

  /** The AADSTS700024 error when the assertion is outside its validity window at {@code now}. */
  static Optional<AadError> check(JsonWebToken assertion, Instant now) {
    Optional<Long> exp = assertion.claimSeconds("exp");
    Instant notBefore = Instant.ofEpochSecond(assertion.claimSeconds("nbf").orElse(0L));
    Instant expires = Instant.ofEpochSecond(exp.orElse(0L));
    if (exp.isEmpty() || now.isAfter(expires.plus(SKEW)) || now.isBefore(notBefore.minus(SKEW))) {
      return Optional.of(AadError.assertionExpired(now, notBefore, expires));
    }
    return Optional.empty();
  }
}
