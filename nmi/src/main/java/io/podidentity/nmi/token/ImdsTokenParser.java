package io.podidentity.nmi.token;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads IMDS's token answer (every field a string, or a number from older versions) into an {@link IssuedToken}.
 * {@code access_token} is required; a missing {@code expires_on} is derived from {@code expires_in}, a missing
 * {@code not_before} is the time received.
 */
final class ImdsTokenParser {
  private ImdsTokenParser() {}

  static Optional<IssuedToken> parse(String body, String requestedResource, Instant received) {
    try {
      JsonElement root = JsonParser.parseString(body);
      if (!root.isJsonObject()) {
        return Optional.empty();
      }
      JsonObject json = root.getAsJsonObject();
      Optional<String> accessToken = text(json, "access_token").filter(s -> !s.isEmpty());
      if (accessToken.isEmpty()) {
        return Optional.empty();
      }
      Optional<Instant> expiresOn = epoch(json, "expires_on")
          .or(() -> number(json, "expires_in").map(received::plusSeconds));
      if (expiresOn.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new IssuedToken(accessToken.get(), text(json, "refresh_token").orElse(""),
          epoch(json, "not_before").orElse(received), expiresOn.get(), received,
          text(json, "resource").orElse(requestedResource), text(json, "token_type").orElse("Bearer")));
    } catch (JsonParseException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> text(JsonObject json, String name) {
    JsonElement value = json.get(name);
    return value == null || !value.isJsonPrimitive() ? Optional.empty() : Optional.of(value.getAsString());
  }

  private static Optional<Long> number(JsonObject json, String name) {
    return text(json, name).flatMap(t -> {
      try {
        return Optional.of(Long.parseLong(t.strip()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  private static Optional<Instant> epoch(JsonObject json, String name) {
    return number(json, name).map(Instant::ofEpochSecond);
  }
}
