package io.podidentity.nmi.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One access token with the fields of IMDS's answer (§3.4.4) and the instants the cache needs. {@link #toString()}
 * never shows the token, so the record can appear in logs and assertion messages safely.
 */
public record IssuedToken(
    String accessToken,
    String refreshToken,
    Instant notBefore,
    Instant expiresOn,
    Instant obtainedAt,
    String resource,
    String tokenType) {

  public IssuedToken {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(expiresOn, "expiresOn");
    Objects.requireNonNull(obtainedAt, "obtainedAt");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(tokenType, "tokenType");
  }

  /** Seconds left at {@code now}, never negative: the {@code expires_in} a cached token is served with. */
  public long expiresIn(Instant now) {
    return Math.max(0, Duration.between(now, expiresOn).toSeconds());
  }

  /** The whole lifetime as obtained. */
  public Duration lifetime() {
    return Duration.between(obtainedAt, expiresOn);
  }

  @Override
  public String toString() {
    return "IssuedToken[resource=" + resource + ", type=" + tokenType + ", expiresOn=" + expiresOn
        + ", accessToken=<" + accessToken.length() + " chars>]";
  }
}
