package io.podidentity.azuresim.aad;

import io.podidentity.azuresim.jwt.JsonWebToken;
import io.podidentity.azuresim.tls.IssuedCertificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a certificate client assertion (RFC 7523 as Azure AD profiles it): {@code aud} is this tenant's token
 * endpoint, the lifetime is current, and the key named by {@code x5t#S256}, {@code x5t} or the leaf of {@code x5c}
 * is a certificate registered on the app and verifies the signature.
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
    return thumbprint(assertion, "x5t#S256")
        .map(t -> Arrays.equals(t, IssuedCertificate.digest(certificate, "SHA-256"))).orElse(false)
        || thumbprint(assertion, "x5t")
            .map(t -> Arrays.equals(t, IssuedCertificate.digest(certificate, "SHA-1"))).orElse(false)
        || leaf(assertion).map(der -> Arrays.equals(der, encoded(certificate))).orElse(false);
  }

  /** The thumbprint Azure AD prints: upper-case hex of the presented {@code x5t} (or {@code x5t#S256}). */
  private static String presentedThumbprint(JsonWebToken assertion) {
    return thumbprint(assertion, "x5t").or(() -> thumbprint(assertion, "x5t#S256"))
        .map(t -> HexFormat.of().withUpperCase().formatHex(t)).orElse("");
  }

  /**
   * A thumbprint header, decoded. RFC 7515 says base64url, but MSAL4J sends standard base64 with padding and Azure
   * AD accepts both, so both decode here.
   */
  private static Optional<byte[]> thumbprint(JsonWebToken assertion, String header) {
    return assertion.headerString(header).flatMap(value -> {
      try {
        return Optional.of(Base64.getUrlDecoder().decode(value.replace('+', '-').replace('/', '_')
            .replace("=", "")));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
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
    } catch (CertificateEncodingException e) {
      return new byte[0];
    }
  }

  static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
