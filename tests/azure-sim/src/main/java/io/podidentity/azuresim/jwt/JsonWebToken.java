package io.podidentity.azuresim.jwt;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/**
 * A decoded compact JWS (header, claims, signature). Only RS256 is verified: it is what Azure AD, MSAL client
 * assertions and Kubernetes service-account tokens use.
 */
public record JsonWebToken(JsonObject header, JsonObject claims, String signingInput, byte[] signature) {

  public JsonWebToken {
    header = header.deepCopy();
    claims = claims.deepCopy();
    signature = signature.clone();
  }

  /** Decodes without verifying; empty when the text is not three base64url JSON parts. */
  public static Optional<JsonWebToken> parse(String compact) {
    if (compact == null) {
      return Optional.empty();
    }
    String[] parts = compact.trim().split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Base64.Decoder decoder = Base64.getUrlDecoder();
      Optional<JsonObject> header = Json.parseObject(new String(decoder.decode(parts[0]), StandardCharsets.UTF_8));
      Optional<JsonObject> claims = Json.parseObject(new String(decoder.decode(parts[1]), StandardCharsets.UTF_8));
      if (header.isEmpty() || claims.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new JsonWebToken(header.get(), claims.get(), parts[0] + "." + parts[1],
          decoder.decode(parts[2])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** True when the header says RS256 and the signature verifies with the key. */
  public boolean verifiesWith(PublicKey key) {
    if (!"RS256".equals(headerString("alg").orElse(""))) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  public Optional<String> headerString(String name) {
    return Json.string(header, name);
  }

  public Optional<String> claimString(String name) {
    return Json.string(claims, name);
  }

  /** A numeric date claim ({@code exp}, {@code nbf}, {@code iat}) in epoch seconds. */
  public Optional<Long> claimSeconds(String name) {
    JsonElement e = claims.get(name);
    if (e == null || !e.isJsonPrimitive()) {
      return Optional.empty();
    }
    try {
      return Optional.of(e.getAsLong());
    } catch (NumberFormatException ex) {
      return Optional.empty();
    }
  }

  /** The {@code aud} claim, which may be a string or an array of strings. */
  public java.util.List<String> audiences() {
    JsonElement e = claims.get("aud");
    if (e == null || e.isJsonNull()) {
      return java.util.List.of();
    }
    if (e.isJsonArray()) {
      java.util.List<String> all = new java.util.ArrayList<>();
      e.getAsJsonArray().forEach(a -> all.add(a.getAsString()));
      return all;
    }
    return java.util.List.of(e.getAsString());
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }
}
