package io.podidentity.azuresim.arm;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.http.PathParams;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.world.ComputeResource;
import io.podidentity.azuresim.world.ResourceId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The collection GETs of a VM or scale set type: by resource group and by subscription. ARM authorizes the read
 * action on the collection's scope; the result is one page ({@code value}, no {@code nextLink}).
 *
 * @param <T> the world record of the resource kind
 */
public final class ComputeLists<T extends ComputeResource<T>> {
  private final ComputeKind<T> kind;
  private final ArmContext ctx;

  public ComputeLists(ComputeKind<T> kind, ArmContext ctx) {
    this.kind = kind;
    this.ctx = ctx;
  }

  public SimResponse byResourceGroup(SimRequest request, PathParams p) {
    String sub = p.get("subscriptionId");
    String group = p.get("resourceGroup");
    String scope = "/subscriptions/" + sub + "/resourceGroups/" + group;
    return list(request, sub, group, scope, id -> id.subscriptionId().equalsIgnoreCase(sub)
        && id.resourceGroup().equalsIgnoreCase(group), "_list");
  }

  public SimResponse bySubscription(SimRequest request, PathParams p) {
    String sub = p.get("subscriptionId");
    return list(request, sub, null, "/subscriptions/" + sub, id -> id.subscriptionId().equalsIgnoreCase(sub),
        "_list_all");
  }

  private SimResponse list(SimRequest request, String sub, String group, String scope, Predicate<ResourceId> filter,
      String suffix) {
    Admission admission = ctx.authorize(request, sub, ApiFamily.COMPUTE, kind.type(),
        group == null ? "westeurope" : ctx.locationOf(sub, group), kind.readAction(), scope);
    if (admission instanceof Admission.Refused r) {
      return r.response();
    }
    Admission.Admitted admitted = (Admission.Admitted) admission;
    if (group != null && ctx.world().directory().resourceGroup(sub, group).isEmpty()) {
      return ArmError.resourceGroupNotFound(group);
    }
    ThrottleDecision throttle = ctx.throttling().compute(kind.listPolicy(), sub, null);
    if (throttle instanceof ThrottleDecision.Throttled t) {
      ctx.counters().increment("arm_429");
      ctx.counters().increment(kind.operationPrefix() + suffix + "_429");
      return t.response();
    }
    List<JsonObject> items = kind.all(ctx.world()).stream().filter(r -> filter.test(r.id()))
        .sorted(Comparator.comparing(r -> r.id().key())).map(kind::json).toList();
    JsonObject body = new JsonObject();
    body.add("value", Json.array(items));
    return SimResponse.json(200, body).withHeaders(((ThrottleDecision.Allowed) throttle).headers())
        .withHeaders(admitted.headers());
  }
}
