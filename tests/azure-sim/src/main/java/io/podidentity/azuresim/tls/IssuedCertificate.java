package io.podidentity.azuresim.tls;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** A certificate with its key pair; thumbprints in the encodings Azure AD uses ({@code x5t}, {@code x5t#S256}). */
public record IssuedCertificate(KeyPair keyPair, X509Certificate certificate) {

  /** Base64url SHA-1 of the DER encoding, the JWT {@code x5t} header value. */
  public String x5t() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(certificate, "SHA-1"));
  }

  /** Base64url SHA-256 of the DER encoding, the JWT {@code x5t#S256} header value. */
  public String x5tS256() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(certificate, "SHA-256"));
  }

  /** Upper-case hex SHA-1, the "thumbprint" Azure AD prints in its error messages. */
  public String thumbprintHex() {
    return java.util.HexFormat.of().withUpperCase().formatHex(digest(certificate, "SHA-1"));
  }

  public static byte[] digest(X509Certificate certificate, String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot digest certificate", e);
    }
  }
}
