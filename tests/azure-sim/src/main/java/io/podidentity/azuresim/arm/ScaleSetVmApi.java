package io.podidentity.azuresim.arm;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.http.PathParams;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.world.ResourceId;
import io.podidentity.azuresim.world.ScaleSet;
import io.podidentity.azuresim.world.ScaleSetInstance;
import java.util.Optional;

/** {@code GET .../virtualMachineScaleSets/{name}/virtualMachines[/{instanceId}]}: the instances of a scale set. */
public final class ScaleSetVmApi {
  private static final String READ = "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read";

  private final ArmContext ctx;

  public ScaleSetVmApi(ArmContext ctx) {
    this.ctx = ctx;
  }

  public SimResponse list(SimRequest request, PathParams p) {
    return withScaleSet(request, p, ComputePolicy.LIST_VMSS_VMS, ss -> {
      JsonObject body = new JsonObject();
      body.add("value", Json.array(ss.instances().stream().map(i -> ComputeJson.scaleSetVm(ss, i)).toList()));
      return SimResponse.json(200, body);
    });
  }

  public SimResponse get(SimRequest request, PathParams p) {
    return withScaleSet(request, p, ComputePolicy.GET_VMSS, ss -> {
      Optional<ScaleSetInstance> instance = ss.instances().stream()
          .filter(i -> i.instanceId().equals(p.get("instanceId"))).findFirst();
      return instance.map(i -> SimResponse.json(200, ComputeJson.scaleSetVm(ss, i)))
          .orElseGet(() -> ArmError.resourceNotFound(ss.id().fullType() + "/" + ss.id().name() + "/virtualMachines",
              p.get("instanceId"), ss.id().resourceGroup()));
    });
  }

  private SimResponse withScaleSet(SimRequest request, PathParams p, ComputePolicy policy,
      java.util.function.Function<ScaleSet, SimResponse> body) {
    ResourceId id = ResourceId.scaleSet(p.get("subscriptionId"), p.get("resourceGroup"), p.get("name"));
    Admission admission = ctx.authorize(request, id.subscriptionId(), ApiFamily.COMPUTE,
        "virtualMachineScaleSets/virtualMachines", ctx.locationOf(id.subscriptionId(), id.resourceGroup()), READ,
        id.toString());
    if (admission instanceof Admission.Refused r) {
      return r.response();
    }
    Admission.Admitted admitted = (Admission.Admitted) admission;
    Optional<ScaleSet> ss = ctx.world().compute().scaleSet(id);
    if (ss.isEmpty()) {
      return ctx.world().directory().resourceGroup(id.subscriptionId(), id.resourceGroup()).isEmpty()
          ? ArmError.resourceGroupNotFound(id.resourceGroup())
          : ArmError.resourceNotFound(id.fullType(), id.name(), id.resourceGroup());
    }
    ThrottleDecision throttle = ctx.throttling().compute(policy, id.subscriptionId(), id.key());
    if (throttle instanceof ThrottleDecision.Throttled t) {
      ctx.counters().increment("arm_429");
      return t.response();
    }
    return body.apply(ss.get()).withHeaders(((ThrottleDecision.Allowed) throttle).headers())
        .withHeaders(admitted.headers());
  }
}
