package io.podidentity.azuresim.control;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.arm.ComputeJson;
import io.podidentity.azuresim.arm.UserAssignedIdentityApi;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.World;
import java.util.Comparator;
import java.util.Map;

/**
 * A JSON dump of the world for the admin endpoint: the directory, compute resources and identities in their ARM wire
 * shapes, and role assignments. Secrets and certificates are left out.
 */
public final class WorldSnapshot {
  private WorldSnapshot() {}

  public static JsonObject of(World world) {
    JsonObject root = new JsonObject();
    root.add("tenants", Json.element(world.directory().tenants().stream()
        .map(t -> Map.of("id", t.id(), "displayName", t.displayName())).toList()));
    root.add("subscriptions", Json.element(world.directory().subscriptions().stream()
        .map(s -> Map.of("id", s.id(), "tenantId", s.tenantId())).toList()));
    root.add("resourceGroups", Json.element(world.directory().resourceGroups().stream()
        .map(g -> Map.of("subscriptionId", g.subscriptionId(), "name", g.name(), "location", g.location())).toList()));
    root.add("applications", Json.element(world.directory().applications().stream()
        .sorted(Comparator.comparing(Application::displayName))
        .map(a -> Map.of("tenantId", a.tenantId(), "displayName", a.displayName(), "appId", a.appId(),
            "servicePrincipalId", a.servicePrincipalId(), "identifierUris", a.identifierUris())).toList()));
    root.add("userAssignedIdentities", Json.array(world.identities().all().stream()
        .sorted(Comparator.comparing(i -> i.id().key())).map(UserAssignedIdentityApi::json).toList()));
    root.add("virtualMachines", Json.array(world.compute().vms().stream()
        .sorted(Comparator.comparing(v -> v.id().key())).map(ComputeJson::vm).toList()));
    root.add("scaleSets", Json.array(world.compute().scaleSets().stream()
        .sorted(Comparator.comparing(s -> s.id().key())).map(ComputeJson::scaleSet).toList()));
    root.add("roleAssignments", Json.element(world.roles().assignments().stream()
        .map(r -> Map.of("name", r.name(), "scope", r.scope(), "roleDefinitionId", r.roleDefinitionId(),
            "principalId", r.principalId(), "principalType", r.principalType())).toList()));
    return root;
  }
}
