package io.podidentity.azuresim.arm;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.PathParams;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ARM's asynchronous operation protocol for Compute: the initial response carries {@code Azure-AsyncOperation}
 * and/or {@code Location}; the operation status resource answers {@code InProgress} until the plan says the operation
 * ended, then {@code Succeeded} or {@code Failed} with an error; the Location URL answers 202 until then and the final
 * result afterwards. Plans are set per operation name ({@code vm_patch}, {@code vmss_put}, ...).
 */
public final class LongRunningOperations {
  private final Clock clock;
  private final Map<String, LroPlan> plans = new ConcurrentHashMap<>();
  /** Ended operations are kept for late polls, but not forever: long benchmark runs start many. */
  private static final int KEPT_OPERATIONS = 10_000;

  private final Map<String, Operation> operations = new ConcurrentHashMap<>();
  private volatile LroPlan defaultPlan = LroPlan.afterPolls(0);

  private static final class Operation {
    final String id;
    final Instant started;
    final LroPlan plan;
    final OperationCompletion completion;
    int polls;
    volatile Instant ended;
    volatile boolean failed;

    Operation(String id, Instant started, LroPlan plan, OperationCompletion completion) {
      this.id = id;
      this.started = started;
      this.plan = plan;
      this.completion = completion;
    }
  }

  /**
   * How to answer the initial request: the polling headers to add to the operation's own status and body (Compute
   * answers PUT and PATCH with 200 or 201 and the resource, never 202) and whether the operation already ended.
   */
  public record Started(Map<String, String> headers, boolean done) {}

  public LongRunningOperations(Clock clock) {
    this.clock = clock;
  }

  public void plan(String operation, LroPlan plan) {
    plans.put(operation, plan);
  }

  /** The plan for operations without their own; by default polling headers and success on the first poll. */
  public void defaultPlan(LroPlan plan) {
    defaultPlan = plan;
  }

  public void clearPlans() {
    plans.clear();
    defaultPlan = LroPlan.afterPolls(0);
  }

  public LroPlan planFor(String operation) {
    return plans.getOrDefault(operation, defaultPlan);
  }

  /** Begins an operation; an immediate plan completes it at once. */
  public Started start(String operation, SimRequest request, String subscriptionId, String location,
      String apiVersion, OperationCompletion completion) {
    LroPlan plan = planFor(operation);
    if (plan.mode() == LroPlan.Mode.IMMEDIATE) {
      finish(new Operation("", clock.instant(), plan, completion));
      return new Started(Map.of(), true);
    }
    Operation op = new Operation(UUID.randomUUID().toString(), clock.instant(), plan, completion);
    if (operations.size() >= KEPT_OPERATIONS) {
      operations.values().removeIf(o -> o.ended != null);
    }
    operations.put(op.id, op);
    String base = "https://" + request.header("host").orElse("localhost") + "/subscriptions/" + subscriptionId
        + "/providers/Microsoft.Compute/locations/" + location;
    String query = "?p=" + UUID.randomUUID() + "&api-version=" + apiVersion;
    Map<String, String> headers = new LinkedHashMap<>();
    if (plan.headers() != LroPlan.PollingHeaders.LOCATION) {
      headers.put("Azure-AsyncOperation", base + "/operations/" + op.id + query);
    }
    if (plan.headers() != LroPlan.PollingHeaders.AZURE_ASYNC_OPERATION) {
      headers.put("Location", base + "/operationResults/" + op.id + query);
    }
    if (plan.retryAfterSeconds() > 0) {
      headers.put("Retry-After", Long.toString(plan.retryAfterSeconds()));
    }
    return new Started(headers, false);
  }

  /** {@code GET .../locations/{location}/operations/{id}}: the operation status resource. */
  public SimResponse status(SimRequest request, PathParams params) {
    Optional<Operation> op = poll(params.get("operationId"));
    if (op.isEmpty()) {
      return ArmError.of(404, "NotFound", "The entity was not found in this data center.");
    }
    JsonObject body = new JsonObject();
    body.addProperty("startTime", op.get().started.toString());
    if (op.get().ended != null) {
      body.addProperty("endTime", op.get().ended.toString());
    }
    body.addProperty("status", op.get().ended == null ? "InProgress" : op.get().failed ? "Failed" : "Succeeded");
    if (op.get().failed) {
      JsonObject error = new JsonObject();
      error.addProperty("code", op.get().plan.failureCode());
      error.addProperty("message", op.get().plan.failureMessage());
      body.add("error", error);
    }
    body.addProperty("name", op.get().id);
    SimResponse response = SimResponse.json(200, body);
    return op.get().ended == null ? retryAfter(response, op.get().plan) : response;
  }

  /** {@code GET .../locations/{location}/operationResults/{id}}: 202 while running, then the final result. */
  public SimResponse result(SimRequest request, PathParams params) {
    Optional<Operation> op = poll(params.get("operationId"));
    if (op.isEmpty()) {
      return ArmError.of(404, "NotFound", "The entity was not found in this data center.");
    }
    if (op.get().ended == null) {
      String self = "https://" + request.header("host").orElse("localhost") + request.path() + "?"
          + "api-version=" + request.queryParam("api-version").orElse("");
      return retryAfter(SimResponse.empty(202).withHeader("Location", self), op.get().plan);
    }
    if (op.get().failed) {
      return ArmError.of(400, op.get().plan.failureCode(), op.get().plan.failureMessage());
    }
    return op.get().completion.currentResource();
  }

  private static SimResponse retryAfter(SimResponse response, LroPlan plan) {
    return plan.retryAfterSeconds() > 0 ? response.withHeader("Retry-After", Long.toString(plan.retryAfterSeconds()))
        : response;
  }

  private Optional<Operation> poll(String id) {
    Operation op = operations.get(id);
    if (op == null) {
      return Optional.empty();
    }
    synchronized (op) {
      op.polls++;
      if (op.ended == null && due(op)) {
        finish(op);
      }
    }
    return Optional.of(op);
  }

  private boolean due(Operation op) {
    return switch (op.plan.mode()) {
      case IMMEDIATE -> true;
      case AFTER_POLLS -> op.polls > op.plan.polls();
      case AFTER_DELAY -> !clock.instant().isBefore(op.started.plus(op.plan.delay()));
    };
  }

  private void finish(Operation op) {
    op.ended = clock.instant();
    op.failed = op.plan.fails();
    if (op.failed) {
      op.completion.failed();
    } else {
      op.completion.succeeded();
    }
  }
}
