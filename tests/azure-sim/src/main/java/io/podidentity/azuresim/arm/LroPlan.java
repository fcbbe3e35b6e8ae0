package io.podidentity.azuresim.arm;

import java.time.Duration;

/**
 * How a simulated long-running PUT or PATCH completes. {@code IMMEDIATE} answers 200 with the final resource and no
 * polling headers. The other modes answer with polling headers and finish after a number of status polls, or once the
 * injected clock has moved past a delay, with success or the given failure. {@code retryAfterSeconds} is sent on the
 * initial response and on in-progress polls (0 sends no header). The default of one second matters: the Azure SDK
 * polls after Retry-After when it is positive and otherwise after its own default of 30 seconds.
 */
public record LroPlan(Mode mode, int polls, Duration delay, String failureCode, String failureMessage,
    PollingHeaders headers, long retryAfterSeconds) {

  /** When the operation ends. */
  public enum Mode { IMMEDIATE, AFTER_POLLS, AFTER_DELAY }

  /** Which polling headers the initial response carries, as ARM's asynchronous operation guide allows. */
  public enum PollingHeaders { AZURE_ASYNC_OPERATION, LOCATION, BOTH }

  public LroPlan {
    if (polls < 0 || delay.isNegative() || retryAfterSeconds < 0) {
      throw new IllegalArgumentException("polls, delay and retryAfter must not be negative");
    }
  }

  public static LroPlan immediate() {
    return new LroPlan(Mode.IMMEDIATE, 0, Duration.ZERO, null, null, PollingHeaders.AZURE_ASYNC_OPERATION, 0);
  }

  /** Polling headers, and the operation reports its end on poll number {@code polls + 1}. */
  public static LroPlan afterPolls(int polls) {
    return new LroPlan(Mode.AFTER_POLLS, polls, Duration.ZERO, null, null, PollingHeaders.AZURE_ASYNC_OPERATION, 1);
  }

  public static LroPlan afterDelay(Duration delay) {
    return new LroPlan(Mode.AFTER_DELAY, 0, delay, null, null, PollingHeaders.AZURE_ASYNC_OPERATION, 1);
  }

  /** The same plan ending in {@code Failed} with this error (the resource's identity change is rolled back). */
  public LroPlan failing(String code, String message) {
    return new LroPlan(mode, polls, delay, code, message, headers, retryAfterSeconds);
  }

  public LroPlan withHeaders(PollingHeaders value) {
    return new LroPlan(mode, polls, delay, failureCode, failureMessage, value, retryAfterSeconds);
  }

  public LroPlan withRetryAfter(long seconds) {
    return new LroPlan(mode, polls, delay, failureCode, failureMessage, headers, seconds);
  }

  public boolean fails() {
    return failureCode != null;
  }
}
