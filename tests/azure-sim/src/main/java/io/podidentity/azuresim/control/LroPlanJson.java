package io.podidentity.azuresim.control;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.arm.LroPlan;
import io.podidentity.azuresim.http.Json;
import java.time.Duration;
import java.util.Locale;

/**
 * The admin endpoint's JSON form of a long-running operation plan: {@code mode} ({@code immediate},
 * {@code afterPolls}, {@code afterDelay}), {@code polls}, {@code delayMs}, optional {@code failure}
 * ({@code {"code":..., "message":...}}), {@code headers} ({@code AZURE_ASYNC_OPERATION}, {@code LOCATION},
 * {@code BOTH}) and {@code retryAfter} seconds.
 */
public final class LroPlanJson {
  private LroPlanJson() {}

  public static LroPlan parse(JsonObject json) {
    String mode = Json.string(json, "mode").orElse("afterPolls").toLowerCase(Locale.ROOT);
    LroPlan plan = switch (mode) {
      case "immediate" -> LroPlan.immediate();
      case "afterpolls" -> LroPlan.afterPolls(Json.string(json, "polls").map(Integer::parseInt).orElse(0));
      case "afterdelay" -> LroPlan.afterDelay(Duration.ofMillis(Json.string(json, "delayMs").map(Long::parseLong)
          .orElse(0L)));
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    };
    if (json.has("failure") && json.get("failure").isJsonObject()) {
      JsonObject failure = json.getAsJsonObject("failure");
      plan = plan.failing(Json.string(failure, "code").orElse("InternalExecutionError"),
          Json.string(failure, "message").orElse("An internal execution error occurred."));
    }
    if (json.has("headers")) {
      plan = plan.withHeaders(LroPlan.PollingHeaders.valueOf(json.get("headers").getAsString()));
    }
    if (json.has("retryAfter")) {
      plan = plan.withRetryAfter(json.get("retryAfter").getAsLong());
    }
    return plan;
  }
}
