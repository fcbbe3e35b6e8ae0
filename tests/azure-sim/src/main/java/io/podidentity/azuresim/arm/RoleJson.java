package io.podidentity.azuresim.arm;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.world.RoleAssignment;
import io.podidentity.azuresim.world.RoleDefinition;
import java.util.List;
import java.util.Map;

/** The Authorization provider's wire shapes (api-version 2022-04-01) for role assignments and definitions. */
final class RoleJson {
  static final String PROVIDER = "/providers/Microsoft.Authorization";

  private RoleJson() {}

  static String definitionId(String subscriptionId, String roleGuid) {
    return "/subscriptions/" + subscriptionId + PROVIDER + "/roleDefinitions/" + roleGuid;
  }

  static JsonObject assignment(RoleAssignment a, String subscriptionId) {
    JsonObject properties = new JsonObject();
    properties.addProperty("roleDefinitionId", definitionId(subscriptionId, a.roleDefinitionId()));
    properties.addProperty("principalId", a.principalId());
    properties.addProperty("principalType", a.principalType());
    properties.addProperty("scope", a.scope());
    properties.add("condition", null);
    properties.add("conditionVersion", null);
    JsonObject body = new JsonObject();
    body.add("properties", properties);
    body.addProperty("id", a.scope() + PROVIDER + "/roleAssignments/" + a.name());
    body.addProperty("type", "Microsoft.Authorization/roleAssignments");
    body.addProperty("name", a.name());
    return body;
  }

  static JsonObject definition(RoleDefinition d, String subscriptionId) {
    JsonObject properties = new JsonObject();
    properties.addProperty("roleName", d.roleName());
    properties.addProperty("type", "BuiltInRole");
    properties.addProperty("description", d.description());
    properties.add("assignableScopes", Json.array(List.of("/")));
    properties.add("permissions", Json.array(List.of(Map.of("actions", d.actions(), "notActions", d.notActions(),
        "dataActions", List.of(), "notDataActions", List.of()))));
    JsonObject body = new JsonObject();
    body.add("properties", properties);
    body.addProperty("id", definitionId(subscriptionId, d.id()));
    body.addProperty("type", "Microsoft.Authorization/roleDefinitions");
    body.addProperty("name", d.id());
    return body;
  }
}
