package io.podidentity.azuresim.arm;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.http.PathParams;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.world.ResourceId;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * {@code Microsoft.ManagedIdentity/userAssignedIdentities}: GET, PUT (create with fresh tenant, principal and client
 * ids, or update tags), DELETE and the collection GETs. Deleting an identity leaves VMs and scale sets that reference
 * it untouched (stale entries), as Azure does.
 */
public final class UserAssignedIdentityApi {
  private static final String TYPE = "Microsoft.ManagedIdentity/userAssignedIdentities";

  private final ArmContext ctx;

  public UserAssignedIdentityApi(ArmContext ctx) {
    this.ctx = ctx;
  }

  public SimResponse get(SimRequest request, PathParams p) {
    return withAccess(request, p, "/read", (id, admitted) -> ctx.world().identities().get(id)
        .map(i -> SimResponse.json(200, json(i)))
        .orElseGet(() -> ArmError.resourceNotFound(TYPE, id.name(), id.resourceGroup())));
  }

  public SimResponse put(SimRequest request, PathParams p) {
    return withAccess(request, p, "/write", (id, admitted) -> {
      JsonObject body = Json.parseObject(request.bodyText()).orElse(new JsonObject());
      Optional<UserAssignedIdentity> existing = ctx.world().identities().get(id);
      Map<String, String> tags = ModelFields.tags(body, existing.map(UserAssignedIdentity::tags).orElse(Map.of()));
      if (existing.isPresent()) {
        UserAssignedIdentity e = existing.get();
        UserAssignedIdentity updated = ctx.world().identities().put(new UserAssignedIdentity(e.id(), e.location(),
            e.tenantId(), e.principalId(), e.clientId(), tags, e.federatedCredentials()));
        return SimResponse.json(200, json(updated));
      }
      Optional<String> location = Json.string(body, "location");
      if (location.isEmpty()) {
        return ArmError.of(400, "LocationRequired", "The location property is required for this definition.");
      }
      UserAssignedIdentity created = ctx.world().identities().put(new UserAssignedIdentity(id, location.get(),
          ctx.world().tenantOf(id.subscriptionId()), UUID.randomUUID().toString(), UUID.randomUUID().toString(), tags,
          List.of()));
      return SimResponse.json(201, json(created));
    });
  }

  public SimResponse delete(SimRequest request, PathParams p) {
    return withAccess(request, p, "/delete", (id, admitted) ->
        SimResponse.empty(ctx.world().deleteUserAssignedIdentity(id) ? 200 : 204));
  }

  public SimResponse listByResourceGroup(SimRequest request, PathParams p) {
    String sub = p.get("subscriptionId");
    String group = p.get("resourceGroup");
    return list(request, sub, "/subscriptions/" + sub + "/resourceGroups/" + group,
        id -> id.subscriptionId().equalsIgnoreCase(sub) && id.resourceGroup().equalsIgnoreCase(group));
  }

  public SimResponse listBySubscription(SimRequest request, PathParams p) {
    String sub = p.get("subscriptionId");
    return list(request, sub, "/subscriptions/" + sub, id -> id.subscriptionId().equalsIgnoreCase(sub));
  }

  public static JsonObject json(UserAssignedIdentity identity) {
    JsonObject body = new JsonObject();
    body.addProperty("location", identity.location());
    body.add("tags", Json.element(identity.tags()));
    body.addProperty("id", identity.id().toString());
    body.addProperty("name", identity.id().name());
    body.addProperty("type", TYPE);
    body.add("properties", Json.object(Map.of("isolationScope", "None", "tenantId", identity.tenantId(),
        "principalId", identity.principalId(), "clientId", identity.clientId())));
    return body;
  }

  private SimResponse list(SimRequest request, String sub, String scope, Predicate<ResourceId> filter) {
    Admission admission = ctx.authorize(request, sub, ApiFamily.MANAGED_IDENTITY, "userAssignedIdentities",
        "westeurope", TYPE + "/read", scope);
    if (admission instanceof Admission.Refused r) {
      return r.response();
    }
    Admission.Admitted admitted = (Admission.Admitted) admission;
    JsonObject body = new JsonObject();
    body.add("value", Json.array(ctx.world().identities().all().stream().filter(i -> filter.test(i.id()))
        .sorted(Comparator.comparing(i -> i.id().key())).map(UserAssignedIdentityApi::json).toList()));
    return SimResponse.json(200, body).withHeaders(admitted.headers());
  }

  private SimResponse withAccess(SimRequest request, PathParams p, String actionSuffix, Step step) {
    ResourceId id = ResourceId.userAssignedIdentity(p.get("subscriptionId"), p.get("resourceGroup"), p.get("name"));
    Admission admission = ctx.authorize(request, id.subscriptionId(), ApiFamily.MANAGED_IDENTITY,
        "userAssignedIdentities", ctx.locationOf(id.subscriptionId(), id.resourceGroup()), TYPE + actionSuffix,
        id.toString());
    if (admission instanceof Admission.Refused r) {
      return r.response();
    }
    Admission.Admitted admitted = (Admission.Admitted) admission;
    if (ctx.world().directory().resourceGroup(id.subscriptionId(), id.resourceGroup()).isEmpty()) {
      return ArmError.resourceGroupNotFound(id.resourceGroup());
    }
    return step.run(id, admitted).withHeaders(admitted.headers());
  }

  @FunctionalInterface
  private interface Step {
    SimResponse run(ResourceId id, Admission.Admitted admitted);
  }
}
