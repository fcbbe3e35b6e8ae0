package io.podidentity.nmi.decide;

import io.podidentity.common.model.Mapped;
import java.util.Objects;

/**
 * A request target that passed {@link #check}: the path exactly as the client sent it (forwarded as is when proxied),
 * its decoded form (routed on, as the original routes on Go's decoded path) and the raw query. Only targets that no
 * server could read as a different path get here: every trick that might reach IMDS's token path unvalidated
 * (CVE-2022-23551 and its relatives) is refused before routing.
 */
public record RequestTarget(String rawPath, String path, String rawQuery) {

  public RequestTarget {
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rawQuery, "rawQuery");
  }

  /**
   * Checks a target as received: origin form only, visible ASCII only, no backslash, no empty or dot segment, and
   * percent-escapes only for letters, digits, {@code -}, {@code _} and {@code ~} (so no escaped separator, dot or
   * escape sign). The query may hold any visible ASCII; a fragment is refused. The reason is for logs only: the
   * client always gets the original's {@code Invalid request}.
   */
  public static Mapped<RequestTarget> check(String rawPath, String rawQuery, boolean hasFragment) {
    if (hasFragment) {
      return Mapped.rejected("a fragment in the request target");
    }
    if (rawPath == null || !rawPath.startsWith("/")) {
      return Mapped.rejected("not an origin-form path");
    }
    String query = rawQuery == null ? "" : rawQuery;
    if (!visibleAscii(query)) {
      return Mapped.rejected("a control, space or non-ASCII character in the query");
    }
    return PathDecoder.decode(rawPath).map(path -> new RequestTarget(rawPath, path, query));
  }

  /** The target to forward: raw path and, when there is one, the raw query. */
  public String forwardTarget() {
    return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
  }

  static boolean visibleAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
