package io.podidentity.azuresim.control;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin endpoint's JSON form of a fault rule: {@code operation} (required), {@code times} (default: always),
 * {@code delayMs} or {@code delayMinMs}/{@code delayMaxMs}, and one effect: {@code status} with optional
 * {@code body} and {@code headers}, or {@code "drop": true}.
 */
public final class FaultRuleJson {
  private FaultRuleJson() {}

  public static FaultRule parse(JsonObject json) {
    String operation = Json.string(json, "operation").orElseThrow(() ->
        new IllegalArgumentException("operation is required"));
    int times = Json.string(json, "times").map(Integer::parseInt).orElse(FaultRule.ALWAYS);
    Latency latency = null;
    if (json.has("delayMs")) {
      latency = new Latency.Fixed(Duration.ofMillis(json.get("delayMs").getAsLong()));
    } else if (json.has("delayMinMs") || json.has("delayMaxMs")) {
      latency = new Latency.Uniform(Duration.ofMillis(json.has("delayMinMs") ? json.get("delayMinMs").getAsLong()
          : 0), Duration.ofMillis(json.get("delayMaxMs").getAsLong()));
    }
    FaultEffect effect = null;
    if (json.has("drop") && json.get("drop").getAsBoolean()) {
      effect = new FaultEffect.DropConnection();
    } else if (json.has("status")) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/json; charset=utf-8");
      if (json.has("headers") && json.get("headers").isJsonObject()) {
        json.getAsJsonObject("headers").entrySet().forEach(e -> headers.put(e.getKey(), e.getValue().getAsString()));
      }
      effect = new FaultEffect.Respond(json.get("status").getAsInt(), headers, Json.string(json, "body").orElse(""));
    }
    return new FaultRule(operation, latency, effect, times);
  }

  public static JsonObject write(FaultRule rule) {
    JsonObject json = new JsonObject();
    json.addProperty("operation", rule.operation());
    json.addProperty("times", rule.times());
    switch (rule.latency()) {
      case Latency.Fixed f -> json.addProperty("delayMs", f.delay().toMillis());
      case Latency.Uniform u -> {
        json.addProperty("delayMinMs", u.min().toMillis());
        json.addProperty("delayMaxMs", u.max().toMillis());
      }
      case null -> { }
    }
    switch (rule.effect()) {
      case FaultEffect.Respond r -> {
        json.addProperty("status", r.status());
        json.addProperty("body", r.body());
        json.add("headers", Json.element(r.headers()));
      }
      case FaultEffect.DropConnection d -> json.addProperty("drop", true);
      case null -> { }
    }
    return json;
  }
}
