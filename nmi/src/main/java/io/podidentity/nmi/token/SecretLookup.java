package io.podidentity.nmi.token;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A service principal's Secret as NMI's watch holds it: its data by key, or why it cannot be had (not found, not
 * yet synced, not allowed). {@link #toString()} never shows the data.
 */
public sealed interface SecretLookup {

  record Found(Map<String, byte[]> data) implements SecretLookup {
    public Found {
      data = java.util.Collections.unmodifiableMap(new TreeMap<>(data));
    }

    @Override
    public String toString() {
      return "Found[keys=" + data.keySet() + "]";
    }
  }

  record Missing(String message) implements SecretLookup {
    public Missing {
      Objects.requireNonNull(message, "message");
    }
  }
}
