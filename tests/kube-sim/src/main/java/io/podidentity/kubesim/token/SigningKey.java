package io.podidentity.kubesim.token;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * The service-account token signing key: RSA 2048, generated at start, signing RS256 JWTs. Its key id is the
 * apiserver's: the unpadded base64url SHA-256 of the public key's DER encoding.
 */
public final class SigningKey {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair pair;
  private final String keyId;

  public SigningKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.pair = generator.generateKeyPair();
      this.keyId = B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no RSA key generator", e);
    }
  }

  public String keyId() {
    return keyId;
  }

  public RSAPublicKey publicKey() {
    return (RSAPublicKey) pair.getPublic();
  }

  /** A compact JWS of the claims, with header {"alg":"RS256","kid":...}. */
  public String sign(JsonObject claims) {
    JsonObject header = new JsonObject();
    header.addProperty("alg", "RS256");
    header.addProperty("kid", keyId);
    String input = part(header) + "." + part(claims);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(pair.getPrivate());
      rsa.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  /** Verifies a compact JWS made by this key; returns its claims, or null when it is not ours or is tampered with. */
  public JsonObject verify(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(pair.getPublic());
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        return null;
      }
      return com.google.gson.JsonParser.parseString(
          new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (GeneralSecurityException | RuntimeException e) {
      return null;
    }
  }

  /** The JSON Web Key Set served at /openid/v1/jwks. */
  public JsonObject jwks() {
    JsonObject key = new JsonObject();
    key.addProperty("use", "sig");
    key.addProperty("kty", "RSA");
    key.addProperty("kid", keyId);
    key.addProperty("alg", "RS256");
    key.addProperty("n", unsigned(publicKey().getModulus()));
    key.addProperty("e", unsigned(publicKey().getPublicExponent()));
    JsonArray keys = new JsonArray();
    keys.add(key);
    JsonObject set = new JsonObject();
    set.add("keys", keys);
    return set;
  }

  private static String part(JsonObject json) {
    return B64.encodeToString(JsonTree.write(json).getBytes(StandardCharsets.UTF_8));
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return B64.encodeToString(bytes);
  }
}
