package io.podidentity.azuresim.arm;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.world.MachineIdentity;
import io.podidentity.azuresim.world.ComputeResource;
import io.podidentity.azuresim.world.ProvisioningState;
import io.podidentity.azuresim.world.ResourceId;
import java.util.Optional;

/**
 * Applies an accepted PUT or PATCH: the new model and identities take effect at once with provisioning state
 * {@code Creating}/{@code Updating}, and the long-running operation moves the resource to {@code Succeeded}, or to
 * {@code Failed} with the previous identities restored.
 *
 * @param <T> the world record of the resource kind
 */
final class ComputeChange<T extends ComputeResource<T>> {
  private final ComputeKind<T> kind;
  private final ArmContext ctx;

  ComputeChange(ComputeKind<T> kind, ArmContext ctx) {
    this.kind = kind;
    this.ctx = ctx;
  }

  SimResponse apply(SimRequest request, String apiVersion, ResourceId id, JsonObject body, boolean replace,
      MachineIdentity next, int status, String suffix) {
    Optional<T> before = kind.find(ctx.world(), id);
    MachineIdentity previous = before.map(r -> r.identity()).orElse(MachineIdentity.NONE);
    if (before.isEmpty()) {
      kind.create(ctx.world(), id, body);
    }
    ProvisioningState pending = before.isEmpty() ? ProvisioningState.CREATING : ProvisioningState.UPDATING;
    T changed = kind.update(ctx.world(), id, r -> kind.withModel(r, body, replace).withIdentity(next)
        .withProvisioningState(pending)).orElseThrow();
    LongRunningOperations.Started started = ctx.operations().start(kind.operationPrefix() + suffix, request,
        id.subscriptionId(), changed.location(), apiVersion, completion(id, previous));
    T now = kind.find(ctx.world(), id).orElseThrow();
    return SimResponse.json(status, kind.json(now)).withHeaders(started.headers());
  }

  private OperationCompletion completion(ResourceId id, MachineIdentity previous) {
    return new OperationCompletion() {
      @Override
      public void succeeded() {
        kind.update(ctx.world(), id, r -> r.withProvisioningState(ProvisioningState.SUCCEEDED));
      }

      @Override
      public void failed() {
        kind.update(ctx.world(), id, r -> r.withIdentity(previous).withProvisioningState(ProvisioningState.FAILED));
      }

      @Override
      public SimResponse currentResource() {
        return kind.find(ctx.world(), id).map(r -> SimResponse.json(200, kind.json(r)))
            .orElseGet(() -> ArmError.resourceNotFound(kind.fullType(), id.name(), id.resourceGroup()));
      }
    };
  }
}
