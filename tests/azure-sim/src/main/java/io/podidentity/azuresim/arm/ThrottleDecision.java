package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.http.SimResponse;
import java.util.Map;

/** The result of charging a request to the throttling buckets that apply to it. */
public sealed interface ThrottleDecision {
  /** Go ahead; {@code headers} carry the remaining counts to return. */
  record Allowed(Map<String, String> headers) implements ThrottleDecision {
    public Allowed {
      headers = Map.copyOf(headers);
    }
  }

  /** Refuse with this 429 response (Retry-After and rate-limit headers included). */
  record Throttled(SimResponse response) implements ThrottleDecision {}
}
