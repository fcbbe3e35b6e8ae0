package io.podidentity.azuresim.aad;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.jwt.TokenSigner;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints RS256 access tokens with the claims Azure AD puts in app-only tokens. v1 tokens carry
 * {@code iss = https://sts.windows.net/{tid}/}, {@code appid} and {@code appidacr}; v2 tokens carry
 * {@code iss = https://login.microsoftonline.com/{tid}/v2.0}, {@code azp} and {@code azpacr}. The issuer is the real
 * Azure AD value (not the simulator's URL) because resource servers such as Azurite check it by prefix.
 */
public final class AccessTokenIssuer {
  /** Azure AD's {@code nbf}/{@code iat} are backdated by five minutes to absorb clock skew. */
  private static final Duration BACKDATE = Duration.ofMinutes(5);

  private final TokenSigner signer;
  private final Clock clock;

  public AccessTokenIssuer(TokenSigner signer, Clock clock) {
    this.signer = signer;
    this.clock = clock;
  }

  public static String v1Issuer(String tenantId) {
    return "https://sts.windows.net/" + tenantId + "/";
  }

  public static String v2Issuer(String tenantId) {
    return "https://login.microsoftonline.com/" + tenantId + "/v2.0";
  }

  public IssuedToken issue(TokenSubject subject, TokenAudience audience, Duration lifetime) {
    Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
    Instant notBefore = now.minus(BACKDATE);
    Instant expires = now.plus(lifetime);
    JsonObject claims = new JsonObject();
    claims.addProperty("aud", audience.audience());
    claims.addProperty("iss", audience.version() == 2 ? v2Issuer(subject.tenantId()) : v1Issuer(subject.tenantId()));
    claims.addProperty("iat", notBefore.getEpochSecond());
    claims.addProperty("nbf", notBefore.getEpochSecond());
    claims.addProperty("exp", expires.getEpochSecond());
    claims.addProperty("aio", opaque(32));
    if (audience.version() == 2) {
      claims.addProperty("azp", subject.appId());
      claims.addProperty("azpacr", subject.appidacr());
    } else {
      claims.addProperty("appid", subject.appId());
      claims.addProperty("appidacr", subject.appidacr());
      claims.addProperty("idp", v1Issuer(subject.tenantId()));
    }
    claims.addProperty("idtyp", "app");
    claims.addProperty("oid", subject.objectId());
    claims.addProperty("rh", opaque(24));
    claims.addProperty("sub", subject.objectId());
    claims.addProperty("tid", subject.tenantId());
    claims.addProperty("uti", opaque(16));
    claims.addProperty("ver", audience.version() == 2 ? "2.0" : "1.0");
    if (subject.managedIdentityResourceId() != null) {
      claims.addProperty("xms_mirid", subject.managedIdentityResourceId());
    }
    if (subject.azureResourceId() != null) {
      claims.addProperty("xms_az_rid", subject.azureResourceId());
    }
    return new IssuedToken(signer.sign(claims), now, notBefore, expires, audience);
  }

  /** Random base64url text standing in for Azure AD's opaque claims ({@code aio}, {@code rh}, {@code uti}). */
  private static String opaque(int bytes) {
    ByteBuffer buffer = ByteBuffer.allocate(32);
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    buffer.putLong(a.getMostSignificantBits()).putLong(a.getLeastSignificantBits());
    buffer.putLong(b.getMostSignificantBits()).putLong(b.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(buffer.array(),
        Math.min(bytes, 32)));
  }
}
