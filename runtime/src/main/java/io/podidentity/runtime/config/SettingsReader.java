package io.podidentity.runtime.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed settings from configuration and collects every problem instead of stopping at the first, so a
 * start-up failure lists all bad keys at once. Each problem names the key, the value and its source. Call
 * {@link #validate()} after reading: it throws {@link InvalidConfigurationException} when anything was wrong.
 */
public final class SettingsReader {
  private final Function<String, Optional<RawValue>> lookup;
  private final List<String> problems = new ArrayList<>();

  public SettingsReader(Function<String, Optional<RawValue>> lookup) {
    this.lookup = lookup;
  }

  public String string(String key) {
    return raw(key).map(RawValue::text).orElse("");
  }

  public Optional<String> optionalString(String key) {
    return raw(key).map(RawValue::text).filter(s -> !s.isBlank());
  }

  public boolean bool(String key) {
    return parsed(key, "true or false", SettingsReader::parseBool).orElse(false);
  }

  public int integer(String key, int min, int max) {
    return parsed(key, "a whole number from " + min + " to " + max, t -> parseInt(t).filter(v -> v >= min && v <= max))
        .orElse(min);
  }

  public double decimal(String key, double min, double max) {
    return parsed(key, "a number from " + min + " to " + max, t -> parseDouble(t).filter(v -> v >= min && v <= max))
        .orElse(min);
  }

  /** A duration in Go syntax ({@code 15s}, {@code 3m}, {@code 1h30m}) or ISO-8601, at least {@code min}. */
  public Duration duration(String key, Duration min) {
    return parsed(key, "a duration of at least " + GoDuration.format(min) + " (like 15s, 3m, 1h30m)",
        t -> GoDuration.parse(t).filter(d -> d.compareTo(min) >= 0)).orElse(min);
  }

  /** One of {@code allowed}, compared case-insensitively; returns the lower-cased value. */
  public String oneOf(String key, Set<String> allowed) {
    return parsed(key, "one of " + allowed.stream().sorted().toList(),
        t -> Optional.of(t.strip().toLowerCase(Locale.ROOT)).filter(allowed::contains))
        .orElse(allowed.iterator().next());
  }

  /** A comma-separated list; blank entries are dropped. */
  public List<String> list(String key) {
    return raw(key).map(r -> Arrays.stream(r.text().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  /** Records a problem found by the caller's own cross-key checks. */
  public void problem(String message) {
    problems.add(message);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public void validate() {
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
  }

  private Optional<RawValue> raw(String key) {
    Optional<RawValue> value = lookup.apply(key);
    if (value.isEmpty()) {
      problems.add("key '" + key + "' is not set and has no default");
    }
    return value;
  }

  private <T> Optional<T> parsed(String key, String expected, Function<String, Optional<T>> parser) {
    Optional<RawValue> value = raw(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<T> result = parser.apply(value.get().text().strip());
    if (result.isEmpty()) {
      problems.add("key '" + key + "' has value '" + value.get().text() + "' (from " + value.get().source()
          + "): expected " + expected);
    }
    return result;
  }

  static Optional<Boolean> parseBool(String text) {
    return CommandLine.goBool(text).or(() -> switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> Optional.of("true");
      case "false", "no", "off" -> Optional.of("false");
      default -> Optional.empty();
    }).map(Boolean::parseBoolean);
  }

  private static Optional<Integer> parseInt(String text) {
    try {
      return Optional.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Double> parseDouble(String text) {
    try {
      double v = Double.parseDouble(text);
      return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
