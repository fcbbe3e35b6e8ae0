package io.podidentity.azuresim.control;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.arm.ArmThrottling;
import io.podidentity.azuresim.arm.LongRunningOperations;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.http.Router;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.seed.SeedFile;
import io.podidentity.azuresim.time.ManualClock;
import io.podidentity.azuresim.world.World;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The plain-HTTP admin endpoint (loopback only) through which programs outside the JVM control a simulator: counters,
 * fault rules, throttling and IMDS limits switches, long-running operation plans, seeding, a world dump and, with a
 * manual clock, moving time. {@code tests/azure-sim/README.md} lists the routes.
 */
public final class AdminService {
  private final Counters counters;
  private final FaultInjector faults;
  private final ArmThrottling throttling;
  private final LongRunningOperations operations;
  private final AtomicBoolean imdsLimits;
  private final World world;
  private final Supplier<JsonObject> endpoints;
  private final Clock clock;

  public AdminService(Counters counters, FaultInjector faults, ArmThrottling throttling,
      LongRunningOperations operations, AtomicBoolean imdsLimits, World world, Supplier<JsonObject> endpoints,
      Clock clock) {
    this.counters = counters;
    this.faults = faults;
    this.throttling = throttling;
    this.operations = operations;
    this.imdsLimits = imdsLimits;
    this.world = world;
    this.endpoints = endpoints;
    this.clock = clock;
  }

  public Router router() {
    return new Router()
        .add("GET", "/admin/counters", "admin", (r, p) -> ok(Json.element(counters.snapshot())))
        .add("DELETE", "/admin/counters", "admin", (r, p) -> reset())
        .add("POST", "/admin/counters/reset", "admin", (r, p) -> reset())
        .add("GET", "/admin/faults", "admin", (r, p) -> ok(Json.array(faults.active().stream()
            .map(FaultRuleJson::write).toList())))
        .add("POST", "/admin/faults", "admin", (r, p) -> guarded(() -> {
          faults.add(FaultRuleJson.parse(body(r)));
          return SimResponse.empty(204);
        }))
        .add("DELETE", "/admin/faults", "admin", (r, p) -> {
          faults.clear();
          return SimResponse.empty(204);
        })
        .add("GET", "/admin/throttling", "admin", (r, p) -> flag(throttling.enabled()))
        .add("PUT", "/admin/throttling", "admin", (r, p) -> guarded(() -> {
          throttling.setEnabled(enabled(r));
          return flag(throttling.enabled());
        }))
        .add("GET", "/admin/imds-limits", "admin", (r, p) -> flag(imdsLimits.get()))
        .add("PUT", "/admin/imds-limits", "admin", (r, p) -> guarded(() -> {
          imdsLimits.set(enabled(r));
          return flag(imdsLimits.get());
        }))
        .add("PUT", "/admin/lro/{operation}", "admin", (r, p) -> guarded(() -> {
          operations.plan(p.get("operation"), LroPlanJson.parse(body(r)));
          return SimResponse.empty(204);
        }))
        .add("DELETE", "/admin/lro", "admin", (r, p) -> {
          operations.clearPlans();
          return SimResponse.empty(204);
        })
        .add("POST", "/admin/seed", "admin", (r, p) -> guarded(() -> {
          SeedFile.apply(world, r.bodyText());
          return ok(WorldSnapshot.of(world));
        }))
        .add("GET", "/admin/world", "admin", (r, p) -> ok(WorldSnapshot.of(world)))
        .add("GET", "/admin/endpoints", "admin", (r, p) -> ok(endpoints.get()))
        .add("POST", "/admin/clock/advance", "admin", (r, p) -> guarded(() -> advance(r)));
  }

  private SimResponse advance(SimRequest request) {
    if (!(clock instanceof ManualClock manual)) {
      return SimResponse.json(409, Json.object(Map.of("error", "the simulator runs on the system clock")));
    }
    manual.advance(Duration.ofMillis(Json.string(body(request), "millis").map(Long::parseLong).orElse(0L)
        + 1000 * Json.string(body(request), "seconds").map(Long::parseLong).orElse(0L)));
    return ok(Json.object(Map.of("now", manual.instant().toString())));
  }

  private SimResponse reset() {
    counters.reset();
    return SimResponse.empty(204);
  }

  private static SimResponse flag(boolean value) {
    return ok(Json.object(Map.of("enabled", value)));
  }

  private static boolean enabled(SimRequest request) {
    return Json.string(body(request), "enabled").map(Boolean::parseBoolean)
        .orElseThrow(() -> new IllegalArgumentException("enabled is required"));
  }

  private static JsonObject body(SimRequest request) {
    return Json.parseObject(request.bodyText()).orElseThrow(() -> new IllegalArgumentException("body is not a "
        + "JSON object"));
  }

  private static SimResponse ok(com.google.gson.JsonElement body) {
    return SimResponse.json(200, body);
  }

  private static SimResponse guarded(Supplier<SimResponse> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      return SimResponse.json(400, Json.object(Map.of("error", String.valueOf(e.getMessage()))));
    }
  }
}
