package io.podidentity.azuresim.jwt;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The RSA keys of a JWKS document by {@code kid}; other key types are ignored. */
public record JsonWebKeySet(Map<String, PublicKey> keys) {

  public JsonWebKeySet {
    keys = Map.copyOf(keys);
  }

  public static JsonWebKeySet parse(String json) {
    Map<String, PublicKey> keys = new HashMap<>();
    JsonObject document = Json.parseObject(json).orElseThrow(() -> new IllegalArgumentException("JWKS is not JSON"));
    JsonElement array = document.get("keys");
    if (array == null || !array.isJsonArray()) {
      throw new IllegalArgumentException("JWKS has no keys array");
    }
    for (JsonElement element : array.getAsJsonArray()) {
      JsonObject jwk = element.getAsJsonObject();
      if ("RSA".equals(Json.string(jwk, "kty").orElse(""))) {
        String kid = Json.string(jwk, "kid").orElse("");
        keys.put(kid, rsa(Json.string(jwk, "n").orElseThrow(), Json.string(jwk, "e").orElseThrow()));
      }
    }
    return new JsonWebKeySet(keys);
  }

  /** The key a token names in {@code kid}; when the set has a single key and the token names none, that key. */
  public Optional<PublicKey> keyFor(JsonWebToken token) {
    Optional<String> kid = token.headerString("kid");
    if (kid.isPresent()) {
      return Optional.ofNullable(keys.get(kid.get()));
    }
    return keys.size() == 1 ? keys.values().stream().findFirst() : Optional.empty();
  }

  private static PublicKey rsa(String n, String e) {
    Base64.Decoder decoder = Base64.getUrlDecoder();
    try {
      return KeyFactory.getInstance("RSA").generatePublic(
          new RSAPublicKeySpec(new BigInteger(1, decoder.decode(n)), new BigInteger(1, decoder.decode(e))));
    } catch (GeneralSecurityException ex) {
      throw new IllegalArgumentException("invalid RSA JWK", ex);
    }
  }
}
