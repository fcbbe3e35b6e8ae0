package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.jwt.JsonWebToken;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ARM's front-door authentication: a bearer token signed by the simulated Azure AD, for the management audience, not
 * expired. Failures are 401 with ARM's codes and a {@code WWW-Authenticate: Bearer} challenge naming the authority.
 */
public final class BearerTokenCheck {
  /** The audiences ARM accepts, as its own error message lists them. */
  public static final List<String> AUDIENCES = List.of("https://management.core.windows.net/",
      "https://management.core.windows.net", "https://management.azure.com/", "https://management.azure.com");

  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

  private final PublicKey signingKey;
  private final Clock clock;
  private final String authority;

  /** @param authority the Azure AD URL named in the challenge (the simulator's own) */
  public BearerTokenCheck(PublicKey signingKey, Clock clock, String authority) {
    this.signingKey = signingKey;
    this.clock = clock;
    this.authority = authority;
  }

  public ArmAuthentication check(SimRequest request) {
    Optional<String> header = request.header("authorization");
    if (header.isEmpty()) {
      return reject("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
    }
    if (!header.get().regionMatches(true, 0, "Bearer ", 0, 7) || header.get().substring(7).isBlank()) {
      return reject("AuthenticationFailedInvalidHeader",
          "Authentication failed. The 'Authorization' header is provided in an invalid format.");
    }
    Optional<JsonWebToken> token = JsonWebToken.parse(header.get().substring(7).trim());
    if (token.isEmpty() || !token.get().verifiesWith(signingKey)) {
      return reject("InvalidAuthenticationToken", "The access token is invalid.");
    }
    JsonWebToken jwt = token.get();
    String audience = jwt.claimString("aud").orElse("");
    if (!AUDIENCES.contains(audience)) {
      return reject("InvalidAuthenticationTokenAudience", "The access token has been obtained for wrong audience or "
          + "resource '" + audience + "'. It should exactly match with one of the allowed audiences '"
          + String.join("','", AUDIENCES) + "'.");
    }
    Instant now = clock.instant();
    Instant expires = Instant.ofEpochSecond(jwt.claimSeconds("exp").orElse(0L));
    if (!now.isBefore(expires)) {
      return reject("ExpiredAuthenticationToken", "The access token expiry UTC time '" + UTC_TIME.format(expires)
          + "' is earlier than current UTC time '" + UTC_TIME.format(now) + "'.");
    }
    Optional<String> oid = jwt.claimString("oid");
    if (oid.isEmpty()) {
      return reject("InvalidAuthenticationToken", "The received access token is not valid: at least one of the claims "
          + "'puid' or 'altsecid' or 'oid' should be present. If you are accessing as application please make sure "
          + "service principal is properly created in the tenant.");
    }
    String appId = jwt.claimString("appid").or(() -> jwt.claimString("azp")).orElse(oid.get());
    return new ArmAuthentication.Authenticated(new Caller(oid.get(), appId, jwt.claimString("tid").orElse("")));
  }

  private ArmAuthentication reject(String code, String message) {
    SimResponse response = ArmError.of(401, code, message).withHeader("WWW-Authenticate",
        "Bearer authorization_uri=\"" + authority + "\", error=\"invalid_token\", error_description=\"" + message
            .replace("\"", "'") + "\"");
    return new ArmAuthentication.Rejected(response);
  }
}
