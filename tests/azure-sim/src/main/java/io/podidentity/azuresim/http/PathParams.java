package io.podidentity.azuresim.http;

import java.util.Map;

/** The named segments a route pattern captured, e.g. {@code {rg}} in an ARM path. */
public record PathParams(Map<String, String> values) {
  public PathParams {
    values = Map.copyOf(values);
  }

  public String get(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no path parameter " + name);
    }
    return value;
  }
}
