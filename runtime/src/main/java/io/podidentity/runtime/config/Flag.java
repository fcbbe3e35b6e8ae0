package io.podidentity.runtime.config;

import java.util.Objects;

/**
 * One command-line flag of the original program and the configuration key it sets. The original's flag names are
 * kept so existing manifests keep working; {@link Kind#IGNORED} flags (klog's, deprecated no-ops) are accepted
 * and dropped.
 */
public record Flag(String name, String key, Kind kind) {

  /** How a flag takes its value. */
  public enum Kind {
    /** {@code --name}, {@code --name=true|false}. */
    BOOLEAN,
    /** {@code --name=value} or {@code --name value}. */
    VALUE,
    /** Accepted with or without a value, then dropped. */
    IGNORED
  }

  public Flag {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.isBlank() || name.startsWith("-")) {
      throw new IllegalArgumentException("flag name must be bare, without dashes: " + name);
    }
    if (kind != Kind.IGNORED && (key == null || key.isBlank())) {
      throw new IllegalArgumentException("flag --" + name + " needs a configuration key");
    }
  }

  public static Flag bool(String name, String key) {
    return new Flag(name, key, Kind.BOOLEAN);
  }

  public static Flag value(String name, String key) {
    return new Flag(name, key, Kind.VALUE);
  }

  public static Flag ignored(String name) {
    return new Flag(name, null, Kind.IGNORED);
  }
}
