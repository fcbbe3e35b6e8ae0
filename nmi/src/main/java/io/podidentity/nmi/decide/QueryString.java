package io.podidentity.nmi.decide;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A query string read as Go's {@code url.ParseQuery} reads it, since the original looked parameters up that way:
 * pairs split on {@code &}, a pair holding {@code ;} or a malformed escape is dropped, {@code +} is a space, and a
 * lookup gives the first value of a name.
 */
public final class QueryString {
  private final Map<String, String> first;

  private QueryString(Map<String, String> first) {
    this.first = first;
  }

  public static QueryString parse(String rawQuery) {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        if (pair.isEmpty() || pair.indexOf(';') >= 0) {
          continue;
        }
        int eq = pair.indexOf('=');
        Optional<String> name = unescape(eq < 0 ? pair : pair.substring(0, eq));
        Optional<String> value = unescape(eq < 0 ? "" : pair.substring(eq + 1));
        if (name.isPresent() && value.isPresent()) {
          values.putIfAbsent(name.get(), value.get());
        }
      }
    }
    return new QueryString(values);
  }

  /** The first value of {@code name}, or the empty text (Go's {@code Values.Get}). */
  public String get(String name) {
    return first.getOrDefault(name, "");
  }

  private static Optional<String> unescape(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        out.write(' ');
      } else if (c == '%') {
        if (i + 2 >= text.length()) {
          return Optional.empty();
        }
        int h = Character.digit(text.charAt(i + 1), 16);
        int l = Character.digit(text.charAt(i + 2), 16);
        if (h < 0 || l < 0) {
          return Optional.empty();
        }
        out.write(h * 16 + l);
        i += 2;
      } else {
        out.write(c);
      }
    }
    return Optional.of(out.toString(StandardCharsets.UTF_8));
  }
}
