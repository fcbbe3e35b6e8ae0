package io.podidentity.azuresim.jwt;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.tls.IssuedCertificate;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;

/**
 * Signs the simulator's access tokens with RS256. Like Azure AD, the key is published with a certificate: {@code kid}
 * and {@code x5t} are the certificate's base64url SHA-1 thumbprint and the JWKS entry carries {@code x5c}.
 */
public final class TokenSigner {
  private final IssuedCertificate key;

  public TokenSigner(IssuedCertificate key) {
    this.key = key;
  }

  public String keyId() {
    return key.x5t();
  }

  public PublicKey publicKey() {
    return key.keyPair().getPublic();
  }

  /** A compact JWS with header {@code typ}, {@code alg}, {@code x5t} and {@code kid}, as Azure AD emits. */
  public String sign(JsonObject claims) {
    JsonObject header = new JsonObject();
    header.addProperty("typ", "JWT");
    header.addProperty("alg", "RS256");
    header.addProperty("x5t", keyId());
    header.addProperty("kid", keyId());
    return sign(header, claims);
  }

  /** Signs arbitrary header and claims with this key (tests use it to forge otherwise valid tokens). */
  public String sign(JsonObject header, JsonObject claims) {
    String input = encode(Json.write(header)) + "." + encode(Json.write(claims));
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key.keyPair().getPrivate());
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign token", e);
    }
  }

  /** This key as one JWKS entry. */
  public JsonObject jwk(String issuer) {
    RSAPublicKey rsa = (RSAPublicKey) key.keyPair().getPublic();
    JsonObject jwk = new JsonObject();
    jwk.addProperty("kty", "RSA");
    jwk.addProperty("use", "sig");
    jwk.addProperty("kid", keyId());
    jwk.addProperty("x5t", keyId());
    jwk.addProperty("n", unsigned(rsa.getModulus()));
    jwk.addProperty("e", unsigned(rsa.getPublicExponent()));
    try {
      jwk.add("x5c", Json.array(List.of(Base64.getEncoder().encodeToString(key.certificate().getEncoded()))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode signing certificate", e);
    }
    if (issuer != null) {
      jwk.addProperty("issuer", issuer);
    }
    return jwk;
  }

  static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
