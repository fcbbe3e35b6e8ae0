package io.podidentity.azuresim.aad;

import io.podidentity.azuresim.jwt.JsonWebToken;
import io.podidentity.azuresim.tls.IssuedCertificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a certificate client assertion (RFC 7523 as Azure AD profiles it): {@code iss} and {@code sub} are the
 * client id, {@code aud} is this tenant's token endpoint, the lifetime is current, and the key named by
 * {@code x5t#S256}, {@code x5t} or the leaf of {@code x5c} is a certificate registered on the app and verifies the
 * signature.
 */
final class CertificateAssertionCheck {
  private CertificateAssertionCheck() {}

  static ClientAuthOutcome verify(ClientPrincipal client, JsonWebToken assertion, Set<String> tokenEndpoints,
      Instant now) {
    Optional<AadError> lifetime = AssertionLifetime.check(assertion, now);
    if (lifetime.isPresent()) {
      return new ClientAuthOutcome.Rejected(lifetime.get());
    }
    if (assertion.audiences().stream().noneMatch(a -> tokenEndpoints.contains(trimSlash(a)))) {
      return new ClientAuthOutcome.Rejected(AadError.assertionAudience());
    }
    Optional<X509Certificate> certificate = client.certificates().stream()
        .filter(c -> names(assertion, c)).findFirst();
    String thumbprint = presentedThumbprint(assertion);
    if (certificate.isEmpty()) {
      return new ClientAuthOutcome.Rejected(AadError.certificateNotRegistered(thumbprint, client.appId()));
    }
    if (!assertion.verifiesWith(certificate.get().getPublicKey())) {
      return new ClientAuthOutcome.Rejected(AadError.invalidAssertionSignature(thumbprint));
    }
    return new ClientAuthOutcome.Authenticated(client.subject("2"));
  }

  private static boolean names(JsonWebToken assertion, X509Certificate certificate) {
    String sha1 = b64url(IssuedCertificate.digest(certificate, "SHA-1"));
    String sha256 = b64url(IssuedCertificate.digest(certificate, "SHA-256"));
    return assertion.headerString("x5t#S256").map(sha256::equals).orElse(false)
        || assertion.headerString("x5t").map(sha1::equals).orElse(false)
        || leaf(assertion).map(der -> java.util.Arrays.equals(der, encoded(certificate))).orElse(false);
  }

  /** The thumbprint Azure AD prints: hex SHA-1 of the presented certificate, or of the {@code x5t} value. */
  private static String presentedThumbprint(JsonWebToken assertion) {
    Optional<String> x5t = assertion.headerString("x5t");
    if (x5t.isPresent()) {
      try {
        return HexFormat.of().withUpperCase().formatHex(Base64.getUrlDecoder().decode(x5t.get()));
      } catch (IllegalArgumentException e) {
        return x5t.get();
      }
    }
    return assertion.headerString("x5t#S256").orElse("");
  }

  private static Optional<byte[]> leaf(JsonWebToken assertion) {
    var x5c = assertion.header().get("x5c");
    if (x5c == null || !x5c.isJsonArray() || x5c.getAsJsonArray().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(x5c.getAsJsonArray().get(0).getAsString()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      return new byte[0];
    }
  }

  private static String b64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
