package io.podidentity.nmi.decide;

import io.podidentity.common.model.Mapped;

/**
 * Decodes a raw path, refusing every form that servers disagree on: backslashes, doubled slashes, {@code .} and
 * {@code ..} segments, and percent-escapes of anything but letters, digits, {@code -}, {@code _} and {@code ~}
 * (IMDS or a proxy in between might decode {@code %2f} to a separator or {@code %2e} to a dot, or decode twice).
 * What is left decodes to one path that every server reads alike.
 */
final class PathDecoder {
  private PathDecoder() {}

  static Mapped<String> decode(String rawPath) {
    if (!RequestTarget.visibleAscii(rawPath)) {
      return Mapped.rejected("a control, space or non-ASCII character in the path");
    }
    if (rawPath.indexOf('\\') >= 0) {
      return Mapped.rejected("a backslash in the path");
    }
    if (rawPath.contains("//")) {
      return Mapped.rejected("an empty segment in the path");
    }
    StringBuilder decoded = new StringBuilder(rawPath.length());
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c != '%') {
        decoded.append(c);
        continue;
      }
      int value = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
      if (value < 0) {
        return Mapped.rejected("a malformed percent-escape in the path");
      }
      if (!unreservedNoDot((char) value)) {
        return Mapped.rejected("an escaped separator, dot or special character in the path");
      }
      decoded.append((char) value);
      i += 2;
    }
    return hasDotSegment(decoded.toString())
        ? Mapped.rejected("a dot segment in the path")
        : Mapped.valid(decoded.toString());
  }

  private static boolean hasDotSegment(String path) {
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static boolean unreservedNoDot(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == '~';
  }

  private static int hex(char high, char low) {
    int h = Character.digit(high, 16);
    int l = Character.digit(low, 16);
    return h < 0 || l < 0 ? -1 : h * 16 + l;
  }
}
