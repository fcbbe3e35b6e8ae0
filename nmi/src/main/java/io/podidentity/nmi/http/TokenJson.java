package io.podidentity.nmi.http;

import io.podidentity.nmi.token.IssuedToken;
import java.time.Instant;
import java.util.List;

/**
 * IMDS's token answer as the original wrote it (§3.4.4): the seven fields, all strings, in this order, escaped as
 * Go's encoding/json escapes them; an array for several tenants; {@code {"token":...,"clientid":...}} for the host
 * endpoint. {@code expires_in} is counted from now, since a cached token is older than when it was obtained.
 */
final class TokenJson {
  private TokenJson() {}

  static String object(IssuedToken token, Instant now) {
    StringBuilder out = new StringBuilder(token.accessToken().length() + 256);
    append(out, token, now);
    return out.toString();
  }

  static String array(List<IssuedToken> tokens, Instant now) {
    StringBuilder out = new StringBuilder(2048 * tokens.size()).append('[');
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      append(out, tokens.get(i), now);
    }
    return out.append(']').toString();
  }

  static String host(IssuedToken token, String clientId, Instant now) {
    StringBuilder out = new StringBuilder(token.accessToken().length() + 320).append("{\"token\":");
    append(out, token, now);
    out.append(",\"clientid\":");
    string(out, clientId);
    return out.append('}').toString();
  }

  private static void append(StringBuilder out, IssuedToken token, Instant now) {
    out.append("{\"access_token\":");
    string(out, token.accessToken());
    out.append(",\"refresh_token\":");
    string(out, token.refreshToken());
    out.append(",\"expires_in\":\"").append(token.expiresIn(now)).append('"');
    out.append(",\"expires_on\":\"").append(token.expiresOn().getEpochSecond()).append('"');
    out.append(",\"not_before\":\"").append(token.notBefore().getEpochSecond()).append('"');
    out.append(",\"resource\":");
    string(out, token.resource());
    out.append(",\"token_type\":");
    string(out, token.tokenType());
    out.append('}');
  }

  /** A JSON string as Go writes it: HTML-sensitive characters and U+2028/U+2029 escaped too. */
  static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
