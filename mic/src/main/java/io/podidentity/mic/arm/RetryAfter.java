package io.podidentity.mic.arm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads ARM's {@code Retry-After} header: whole seconds, or an HTTP date (RFC 1123), as the original did. */
final class RetryAfter {
  private RetryAfter() {}

  static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    try {
      long seconds = Long.parseLong(text);
      return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return at.isAfter(now) ? Optional.of(Duration.between(now, at)) : Optional.empty();
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }
}
