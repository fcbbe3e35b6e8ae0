package io.podidentity.runtime.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as the original's flags take them (Go's {@code time.ParseDuration}: {@code 3600s}, {@code 3m},
 * {@code 1h30m}, {@code 500ms}) and, for Java users, ISO-8601 ({@code PT1H}).
 */
public final class GoDuration {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private GoDuration() {}

  public static Optional<Duration> parse(String text) {
    String t = text.strip();
    if (t.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    if (t.startsWith("P") || t.startsWith("p")) {
      try {
        return Optional.of(Duration.parse(t));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    Matcher m = PART.matcher(t);
    int end = 0;
    double nanos = 0;
    while (m.find() && m.start() == end) {
      nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
      end = m.end();
    }
    if (end == 0 || end != t.length() || nanos > Long.MAX_VALUE) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(Math.round(nanos)));
  }

  /** Go's rendering of whole-second durations, for messages and defaults ({@code 1h0m0s} style kept short). */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    if (d.toNanosPart() != 0 || d.toMillis() < 1000) {
      return d.toMillis() + "ms";
    }
    long h = d.toHours();
    long m = d.toMinutesPart();
    long s = d.toSecondsPart();
    return (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "") + (s > 0 ? s + "s" : "");
  }

  private static double unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "us", "µs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      case "h" -> 3600e9;
      default -> throw new IllegalStateException("unit " + unit);
    };
  }
}
