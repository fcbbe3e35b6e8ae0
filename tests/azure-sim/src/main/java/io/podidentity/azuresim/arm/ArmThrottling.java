package io.podidentity.azuresim.arm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.time.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The documented throttling of ARM (per subscription and principal: reads, writes, deletes) and of the Compute
 * provider (per resource and per subscription and policy), as token buckets on the injected clock. Off by default;
 * when off, nothing is charged and no rate-limit headers are returned.
 */
public final class ArmThrottling {
  private final Clock clock;
  private final AtomicBoolean enabled;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public ArmThrottling(Clock clock, boolean enabled) {
    this.clock = clock;
    this.enabled = new AtomicBoolean(enabled);
  }

  public boolean enabled() {
    return enabled.get();
  }

  /** Switches throttling on or off; switching refills every bucket. */
  public void setEnabled(boolean value) {
    enabled.set(value);
    buckets.clear();
  }

  /** ARM's own subscription-level limit for the caller. */
  public ThrottleDecision arm(String subscriptionId, String principalId, RequestKind kind) {
    if (!enabled.get()) {
      return new ThrottleDecision.Allowed(Map.of());
    }
    String key = "arm/" + kind + "/" + subscriptionId + "/" + principalId;
    TokenBucket.Take take = bucket(key, kind.capacity(), kind.refillPerSecond(), Duration.ofSeconds(1)).tryTake();
    if (take.granted()) {
      return new ThrottleDecision.Allowed(Map.of(kind.header(), Long.toString(take.remaining())));
    }
    long seconds = seconds(take.retryAfter());
    SimResponse response = ArmError.of(429, "SubscriptionRequestsThrottled", "Number of '" + kind.word()
        + "' requests for subscription '" + subscriptionId + "' actor '" + principalId + "' exceeded. Please try "
        + "again after '" + seconds + "' seconds after additional tokens are available. Refer to "
        + "https://aka.ms/arm-throttling for additional information.")
        .withHeader("Retry-After", Long.toString(seconds)).withHeader(kind.header(), "0");
    return new ThrottleDecision.Throttled(response);
  }

  /** The Compute provider's limits for one policy, on the resource (if the policy has a resource bucket). */
  public ThrottleDecision compute(ComputePolicy policy, String subscriptionId, String resourceKey) {
    if (!enabled.get()) {
      return new ThrottleDecision.Allowed(Map.of());
    }
    Map<String, TokenBucket.Take> takes = new LinkedHashMap<>();
    if (policy.hasResourceBucket() && resourceKey != null) {
      takes.put(policy.bucketName() + "Resource", bucket("crp/" + policy + "/" + resourceKey.toLowerCase(Locale.ROOT),
          policy.resourceCapacity(), policy.resourceRefillPerMinute(), Duration.ofMinutes(1)).tryTake());
    }
    takes.put(policy.bucketName() + "SubscriptionMaximum", bucket("crp/" + policy + "/" + subscriptionId.toLowerCase(
        Locale.ROOT), policy.subscriptionCapacity(), policy.subscriptionRefillPerMinute(), Duration.ofMinutes(1))
        .tryTake());
    String header = String.join(",", takes.entrySet().stream()
        .map(e -> "Microsoft.Compute/" + e.getKey() + ";" + e.getValue().remaining()).toList());
    var refused = takes.entrySet().stream().filter(e -> !e.getValue().granted()).findFirst();
    if (refused.isEmpty()) {
      return new ThrottleDecision.Allowed(Map.of("x-ms-ratelimit-remaining-resource", header));
    }
    int allowed = refused.get().getKey().endsWith("Resource") ? policy.resourceCapacity()
        : policy.subscriptionCapacity();
    return new ThrottleDecision.Throttled(computeThrottled(refused.get().getKey(), allowed,
        refused.get().getValue().retryAfter()).withHeader("x-ms-ratelimit-remaining-resource", header));
  }

  private SimResponse computeThrottled(String group, int allowed, Duration retryAfter) {
    long seconds = seconds(retryAfter);
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    JsonObject detailMessage = new JsonObject();
    detailMessage.addProperty("operationGroup", group);
    detailMessage.addProperty("startTime", now.toString());
    detailMessage.addProperty("endTime", now.plusSeconds(seconds).toString());
    detailMessage.addProperty("allowedRequestCount", allowed);
    detailMessage.addProperty("measuredRequestCount", allowed + 1);
    JsonObject detail = new JsonObject();
    detail.addProperty("code", "TooManyRequests");
    detail.addProperty("target", group);
    detail.addProperty("message", detailMessage.toString());
    JsonArray details = new JsonArray();
    details.add(detail);
    return ArmError.of(429, "OperationNotAllowed", "The server rejected the request because too many requests have "
        + "been received for this subscription.", null, details).withHeader("Retry-After", Long.toString(seconds));
  }

  private TokenBucket bucket(String key, long capacity, long refill, Duration period) {
    return buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, refill, period, clock));
  }

  private static long seconds(Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }
}
