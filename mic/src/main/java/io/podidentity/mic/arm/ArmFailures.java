package io.podidentity.mic.arm;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementException;
import io.podidentity.common.port.ArmFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Classifies what the Azure SDK threw into an {@link ArmFailure}: 429 is throttling with ARM's {@code Retry-After},
 * 5xx and transport errors are unreachable, other answers are refusals with ARM's error code and the identities the
 * error names ({@code FailedIdentityOperation}, {@code LinkedAuthorizationFailed}).
 */
final class ArmFailures {
  /** Used when a 429 carries no Retry-After (ARM's always does). */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

  private ArmFailures() {}

  static ArmFailure classify(RuntimeException error, Instant now) {
    if (error instanceof HttpResponseException http && http.getResponse() != null) {
      int status = http.getResponse().getStatusCode();
      String message = message(http);
      if (status == 429) {
        Duration wait = RetryAfter.parse(http.getResponse().getHeaderValue("Retry-After"), now)
            .orElse(DEFAULT_RETRY_AFTER);
        return new ArmFailure.Throttled(wait, message);
      }
      if (status >= 500) {
        return new ArmFailure.Unreachable(message);
      }
      return new ArmFailure.Rejected(code(http, status), message,
          OffendingIdentities.in(message + " " + http.getMessage()));
    }
    if (error instanceof ClientAuthenticationException) {
      return new ArmFailure.Unreachable("failed to authenticate to ARM: " + error.getMessage());
    }
    return new ArmFailure.Unreachable(error.getClass().getSimpleName() + ": " + error.getMessage());
  }

  /** A refusal made without asking ARM (the resource is being deleted). */
  static ArmFailure.Rejected refused(String code, String message) {
    return new ArmFailure.Rejected(code, message, Set.of());
  }

  private static String code(HttpResponseException http, int status) {
    if (http instanceof ManagementException management && management.getValue() != null
        && management.getValue().getCode() != null) {
      return management.getValue().getCode();
    }
    return "HTTP" + status;
  }

  private static String message(HttpResponseException http) {
    String text = http.getMessage();
    if (http instanceof ManagementException management && management.getValue() != null
        && management.getValue().getMessage() != null) {
      text = management.getValue().getCode() + ": " + management.getValue().getMessage();
    }
    return text;
  }
}
