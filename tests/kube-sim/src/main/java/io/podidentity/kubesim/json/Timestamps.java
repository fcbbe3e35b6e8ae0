package io.podidentity.kubesim.json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The apiserver's timestamp formats: RFC 3339 in UTC, seconds for metav1.Time and microseconds for MicroTime. */
public final class Timestamps {
  private Timestamps() {}

  public static String seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  public static String micros(Instant instant) {
    Instant t = instant.truncatedTo(ChronoUnit.MICROS);
    String s = t.toString();
    return t.getNano() == 0 ? s.replace("Z", ".000000Z") : s;
  }

  /** Parses an RFC 3339 timestamp, or returns null when it is absent or malformed. */
  public static Instant parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
