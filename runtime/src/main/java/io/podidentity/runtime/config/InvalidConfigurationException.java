package io.podidentity.runtime.config;

import java.util.List;

/** Start-up refused: one line per problem, each naming the key, the value and where it came from. */
public final class InvalidConfigurationException extends RuntimeException {
  private final List<String> problems;

  public InvalidConfigurationException(List<String> problems) {
    super("invalid configuration:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
