package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.http.PathParams;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;

/**
 * The Compute operation status and operation result resources. Polls pass ARM's front door (token, api-version,
 * subscription throttling) and are charged to the provider's {@code GetOperation} policy.
 */
public final class OperationStatusApi {
  private final ArmContext ctx;

  public OperationStatusApi(ArmContext ctx) {
    this.ctx = ctx;
  }

  public SimResponse status(SimRequest request, PathParams p) {
    return admitted(request, p, () -> ctx.operations().status(request, p));
  }

  public SimResponse result(SimRequest request, PathParams p) {
    return admitted(request, p, () -> ctx.operations().result(request, p));
  }

  private SimResponse admitted(SimRequest request, PathParams p, java.util.function.Supplier<SimResponse> poll) {
    String sub = p.get("subscriptionId");
    Admission admission = ctx.frontDoor().admit(request, sub, ApiFamily.COMPUTE, "locations/operations",
        p.get("location"));
    if (admission instanceof Admission.Refused r) {
      return r.response();
    }
    ThrottleDecision throttle = ctx.throttling().compute(ComputePolicy.GET_OPERATION, sub,
        p.get("operationId"));
    if (throttle instanceof ThrottleDecision.Throttled t) {
      ctx.counters().increment("arm_429");
      return t.response();
    }
    return poll.get().withHeaders(((ThrottleDecision.Allowed) throttle).headers())
        .withHeaders(((Admission.Admitted) admission).headers());
  }
}
