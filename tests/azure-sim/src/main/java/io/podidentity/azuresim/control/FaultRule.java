package io.podidentity.azuresim.control;

/**
 * Injects latency and/or an effect into an operation ({@code *} matches every operation) for the next
 * {@code times} calls, or for every call when {@code times} is {@link #ALWAYS}. With neither latency nor effect the
 * rule only counts down.
 */
public record FaultRule(String operation, Latency latency, FaultEffect effect, int times) {
  public static final int ALWAYS = -1;

  public FaultRule {
    if (operation == null || operation.isBlank()) {
      throw new IllegalArgumentException("operation is required");
    }
    if (times == 0 || times < ALWAYS) {
      throw new IllegalArgumentException("times must be positive or ALWAYS");
    }
  }

  public static FaultRule delay(String operation, Latency latency, int times) {
    return new FaultRule(operation, latency, null, times);
  }

  public static FaultRule respond(String operation, int status, String body, int times) {
    return new FaultRule(operation, null,
        new FaultEffect.Respond(status, java.util.Map.of("Content-Type", "application/json; charset=utf-8"), body),
        times);
  }

  public static FaultRule drop(String operation, int times) {
    return new FaultRule(operation, null, new FaultEffect.DropConnection(), times);
  }

  boolean matches(String op) {
    return "*".equals(operation) || operation.equals(op);
  }
}
