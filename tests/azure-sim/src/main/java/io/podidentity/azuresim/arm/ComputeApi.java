package io.podidentity.azuresim.arm;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.http.PathParams;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.world.MachineIdentity;
import io.podidentity.azuresim.world.ComputeResource;
import io.podidentity.azuresim.world.ProvisioningState;
import io.podidentity.azuresim.world.ResourceId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * GET, PUT and PATCH of a VM or scale set, in ARM's order: front door, RBAC on the resource, resource group and
 * resource lookup, the Compute provider's throttling, the provider's checks ({@code Deleting}, identity block), the
 * linked identity checks, then the change and its long-running operation. Writes to one resource are serialised, as
 * ARM serialises operations on a resource, so concurrent identity PATCHes never lose each other's changes.
 *
 * @param <T> the world record of the resource kind
 */
public final class ComputeApi<T extends ComputeResource<T>> {
  private final ComputeKind<T> kind;
  private final ArmContext ctx;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  public ComputeApi(ComputeKind<T> kind, ArmContext ctx) {
    this.kind = kind;
    this.ctx = ctx;
  }

  public ComputeKind<T> kind() {
    return kind;
  }

  public SimResponse get(SimRequest request, PathParams p) {
    return withResource(request, p, kind.readAction(), kind.getPolicy(), "_get", (resource, admitted, rate) ->
        SimResponse.json(200, kind.json(resource)).withHeaders(rate));
  }

  public SimResponse patch(SimRequest request, PathParams p) {
    return locked(p, () -> patchLocked(request, p));
  }

  public SimResponse put(SimRequest request, PathParams p) {
    return locked(p, () -> putLocked(request, p));
  }

  private SimResponse patchLocked(SimRequest request, PathParams p) {
    return withResource(request, p, kind.writeAction(), kind.updatePolicy(), "_patch", (resource, admitted, rate) -> {
      Optional<JsonObject> body = Json.parseObject(request.bodyText());
      if (body.isEmpty()) {
        return ArmError.invalidRequestContent("Unexpected character encountered while parsing value");
      }
      if (resource.provisioningState() == ProvisioningState.DELETING) {
        return ArmError.markedForDeletion("Update " + kind.displayName(), kind.displayName(), resource.id().name());
      }
      return change(request, admitted, resource.id(), resource.identity(), body.get(), false, 200)
          .withHeaders(rate);
    });
  }

  private SimResponse putLocked(SimRequest request, PathParams p) {
    ResourceId id = kind.resourceId(p.get("subscriptionId"), p.get("resourceGroup"), p.get("name"));
    Admission admission = authorize(request, id, kind.writeAction());
    if (admission instanceof Admission.Refused r) {
      return r.response();
    }
    Admission.Admitted admitted = (Admission.Admitted) admission;
    if (ctx.world().directory().resourceGroup(id.subscriptionId(), id.resourceGroup()).isEmpty()) {
      return ArmError.resourceGroupNotFound(id.resourceGroup());
    }
    Optional<JsonObject> body = Json.parseObject(request.bodyText());
    if (body.isEmpty()) {
      return ArmError.invalidRequestContent("Unexpected character encountered while parsing value");
    }
    Optional<T> existing = kind.find(ctx.world(), id);
    ThrottleDecision throttle = ctx.throttling().compute(existing.isPresent() ? kind.updatePolicy()
        : kind.createPolicy(), id.subscriptionId(), id.key());
    if (throttle instanceof ThrottleDecision.Throttled t) {
      return throttled(t, "_put");
    }
    Map<String, String> rate = ((ThrottleDecision.Allowed) throttle).headers();
    if (existing.isPresent() && existing.get().provisioningState() == ProvisioningState.DELETING) {
      return ArmError.markedForDeletion("Update " + kind.displayName(), kind.displayName(), id.name());
    }
    if (existing.isEmpty() && Json.string(body.get(), "location").isEmpty()) {
      return ArmError.of(400, "LocationRequired", "The location property is required for this definition.");
    }
    MachineIdentity current = existing.map(r -> r.identity()).orElse(MachineIdentity.NONE);
    return change(request, admitted, id, current, body.get(), true, existing.isPresent() ? 200 : 201)
        .withHeaders(rate).withHeaders(admitted.headers());
  }

  private SimResponse change(SimRequest request, Admission.Admitted admitted, ResourceId id, MachineIdentity current,
      JsonObject body, boolean replace, int status) {
    IdentityChange change = IdentityRequest.interpret(current, body, replace);
    MachineIdentity next = current;
    switch (change) {
      case IdentityChange.Invalid invalid -> {
        return invalid.error();
      }
      case IdentityChange.Unchanged unchanged -> { }
      case IdentityChange.Apply apply -> {
        IdentityResolution resolution = ctx.identities().resolve(admitted.caller(), id, kind.writeAction(), current,
            apply);
        if (resolution instanceof IdentityResolution.Refused refused) {
          return refused.error();
        }
        next = ((IdentityResolution.Resolved) resolution).identity();
      }
    }
    return new ComputeChange<>(kind, ctx).apply(request, admitted.apiVersion(), id, body, replace, next, status,
        replace ? "_put" : "_patch");
  }

  private SimResponse withResource(SimRequest request, PathParams p, String action, ComputePolicy policy,
      String suffix, ResourceStep<T> step) {
    ResourceId id = kind.resourceId(p.get("subscriptionId"), p.get("resourceGroup"), p.get("name"));
    Admission admission = authorize(request, id, action);
    if (admission instanceof Admission.Refused r) {
      return r.response();
    }
    Admission.Admitted admitted = (Admission.Admitted) admission;
    if (ctx.world().directory().resourceGroup(id.subscriptionId(), id.resourceGroup()).isEmpty()) {
      return ArmError.resourceGroupNotFound(id.resourceGroup());
    }
    Optional<T> resource = kind.find(ctx.world(), id);
    if (resource.isEmpty()) {
      return ArmError.resourceNotFound(kind.fullType(), id.name(), id.resourceGroup());
    }
    ThrottleDecision throttle = ctx.throttling().compute(policy, id.subscriptionId(), id.key());
    return switch (throttle) {
      case ThrottleDecision.Throttled t -> throttled(t, suffix);
      case ThrottleDecision.Allowed a -> step.run(resource.get(), admitted, a.headers()).withHeaders(
          admitted.headers());
    };
  }

  private SimResponse locked(PathParams p, Supplier<SimResponse> action) {
    String key = kind.resourceId(p.get("subscriptionId"), p.get("resourceGroup"), p.get("name")).key();
    ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  private Admission authorize(SimRequest request, ResourceId id, String action) {
    return ctx.authorize(request, id.subscriptionId(), ApiFamily.COMPUTE, kind.type(),
        ctx.locationOf(id.subscriptionId(), id.resourceGroup()), action, id.toString());
  }

  private SimResponse throttled(ThrottleDecision.Throttled t, String suffix) {
    ctx.counters().increment("arm_429");
    ctx.counters().increment(kind.operationPrefix() + suffix + "_429");
    return t.response();
  }

  @FunctionalInterface
  private interface ResourceStep<T> {
    SimResponse run(T resource, Admission.Admitted admitted, Map<String, String> rateHeaders);
  }
}
