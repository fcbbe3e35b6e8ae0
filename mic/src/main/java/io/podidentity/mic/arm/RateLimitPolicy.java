package io.podidentity.mic.arm;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every ARM answer's throttling signals into the {@link ThrottleGates}: a 429's {@code Retry-After}, and, when
 * enabled, spent budgets in {@code x-ms-ratelimit-remaining-resource} (Compute's per-resource and per-subscription
 * policies, {@code Microsoft.Compute/<policy>;<remaining>,...}) and {@code x-ms-ratelimit-remaining-subscription-
 * reads|writes} (ARM's). A spent budget holds the next call back until the bucket has refilled by one request.
 */
final class RateLimitPolicy extends HttpPipelineSyncPolicy {
  /** Compute refills a scale set's or VM's update budget at 4 per minute, its GET budget at 12 per minute. */
  static final Duration WRITE_REFILL = Duration.ofSeconds(15);
  static final Duration READ_REFILL = Duration.ofSeconds(5);
  /** ARM refills a subscription's read and write buckets by 10 or more per second. */
  static final Duration SUBSCRIPTION_REFILL = Duration.ofSeconds(1);

  private static final Pattern TARGET = Pattern.compile(
      "(/subscriptions/[^/]+)/resourceGroups/[^/]+/providers/Microsoft\\.Compute/"
          + "(?:virtualMachines|virtualMachineScaleSets)/[^/?]+", Pattern.CASE_INSENSITIVE);

  private final ThrottleGates gates;
  private final Clock clock;
  private final boolean honourBudgets;

  RateLimitPolicy(ThrottleGates gates, Clock clock, boolean honourBudgets) {
    this.gates = gates;
    this.clock = clock;
    this.honourBudgets = honourBudgets;
  }

  @Override
  protected HttpResponse afterReceivedResponse(HttpPipelineCallContext context, HttpResponse response) {
    Matcher m = TARGET.matcher(context.getHttpRequest().getUrl().getPath());
    if (!m.find()) {
      return response;
    }
    ThrottleGates.Direction direction = "GET".equals(context.getHttpRequest().getHttpMethod().name())
        ? ThrottleGates.Direction.READ : ThrottleGates.Direction.WRITE;
    Instant now = clock.instant();
    if (response.getStatusCode() == 429) {
      Duration wait = RetryAfter.parse(response.getHeaderValue("Retry-After"), now)
          .orElse(ArmFailures.DEFAULT_RETRY_AFTER);
      gates.close(m.group(), direction, now.plus(wait));
    } else if (honourBudgets) {
      if (spent(response.getHeaderValue("x-ms-ratelimit-remaining-resource"))) {
        gates.close(m.group(), direction, now.plus(direction == ThrottleGates.Direction.READ ? READ_REFILL
            : WRITE_REFILL));
      }
      String armBudget = direction == ThrottleGates.Direction.READ ? "x-ms-ratelimit-remaining-subscription-reads"
          : "x-ms-ratelimit-remaining-subscription-writes";
      if (remaining(response.getHeaderValue(armBudget)).filter(r -> r <= 0).isPresent()) {
        gates.close(m.group(1), direction, now.plus(SUBSCRIPTION_REFILL));
      }
    }
    return response;
  }

  /** Whether any policy in a Compute budget header has nothing left. */
  static boolean spent(String header) {
    if (header == null) {
      return false;
    }
    for (String policy : header.split(",")) {
      int semicolon = policy.lastIndexOf(';');
      if (semicolon > 0 && remaining(policy.substring(semicolon + 1)).filter(r -> r <= 0).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Long> remaining(String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
