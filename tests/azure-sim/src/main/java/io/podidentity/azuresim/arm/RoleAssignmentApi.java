package io.podidentity.azuresim.arm;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.http.PathParams;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.world.RoleAssignment;
import io.podidentity.azuresim.world.RoleDefinition;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Microsoft.Authorization} role assignments (GET, PUT, DELETE, list with {@code atScope()} or
 * {@code principalId eq '...'} filters) and role definitions (GET, list) at any scope below a subscription. Writing
 * and deleting assignments needs {@code Microsoft.Authorization/roleAssignments/write|delete} at the scope, which
 * Contributor lacks and Owner and User Access Administrator have.
 */
public final class RoleAssignmentApi {
  private static final String ASSIGNMENTS = "Microsoft.Authorization/roleAssignments";
  private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)^/?subscriptions/([^/]+)");
  private static final Pattern PRINCIPAL_FILTER = Pattern.compile("(?i)principalId\\s+eq\\s+'([^']+)'");

  private final ArmContext ctx;

  public RoleAssignmentApi(ArmContext ctx) {
    this.ctx = ctx;
  }

  public SimResponse get(SimRequest request, PathParams p) {
    return scoped(request, p, ASSIGNMENTS + "/read", (scope, sub) -> ctx.world().roles()
        .assignment(p.get("name")).filter(a -> Permissions.covers(a.scope(), scope) && Permissions.covers(scope,
            a.scope())).map(a -> SimResponse.json(200, RoleJson.assignment(a, sub)))
        .orElseGet(() -> ArmError.of(404, "RoleAssignmentNotFound", "The role assignment '" + p.get("name")
            + "' is not found.")));
  }

  public SimResponse put(SimRequest request, PathParams p) {
    return scoped(request, p, ASSIGNMENTS + "/write", (scope, sub) -> {
      JsonObject properties = Json.parseObject(request.bodyText()).map(b -> b.getAsJsonObject("properties"))
          .orElse(new JsonObject());
      String roleId = Json.string(properties, "roleDefinitionId").orElse("");
      String principal = Json.string(properties, "principalId").orElse("");
      Optional<RoleDefinition> role = ctx.world().roles().definition(roleId);
      if (role.isEmpty()) {
        return ArmError.of(400, "RoleDefinitionDoesNotExist", "The specified role definition with ID '"
            + roleId.substring(roleId.lastIndexOf('/') + 1) + "' does not exist.");
      }
      if (ctx.world().roles().assignments().stream().anyMatch(a -> a.principalId().equalsIgnoreCase(principal)
          && a.roleDefinitionId().equalsIgnoreCase(role.get().id()) && a.scope().equalsIgnoreCase(scope))) {
        return ArmError.of(409, "RoleAssignmentExists", "The role assignment already exists.");
      }
      RoleAssignment created = ctx.world().roles().assign(new RoleAssignment(p.get("name"), scope, role.get().id(),
          principal, Json.string(properties, "principalType").orElse("ServicePrincipal")));
      return SimResponse.json(201, RoleJson.assignment(created, sub));
    });
  }

  public SimResponse delete(SimRequest request, PathParams p) {
    return scoped(request, p, ASSIGNMENTS + "/delete", (scope, sub) -> {
      Optional<RoleAssignment> existing = ctx.world().roles().assignment(p.get("name"));
      if (existing.isEmpty()) {
        return SimResponse.empty(204);
      }
      ctx.world().roles().unassign(p.get("name"));
      return SimResponse.json(200, RoleJson.assignment(existing.get(), sub));
    });
  }

  public SimResponse list(SimRequest request, PathParams p) {
    return scoped(request, p, ASSIGNMENTS + "/read", (scope, sub) -> {
      String filter = request.queryParam("$filter").orElse("");
      Matcher principal = PRINCIPAL_FILTER.matcher(filter);
      Predicate<RoleAssignment> at = filter.contains("atScope()") ? a -> Permissions.covers(a.scope(), scope)
          : a -> Permissions.covers(a.scope(), scope) || Permissions.covers(scope, a.scope());
      Predicate<RoleAssignment> who = principal.find() ? a -> a.principalId().equalsIgnoreCase(principal.group(1))
          : a -> true;
      return value(ctx.world().roles().assignments().stream().filter(at.and(who))
          .map(a -> RoleJson.assignment(a, sub)).toList());
    });
  }

  public SimResponse getDefinition(SimRequest request, PathParams p) {
    return scoped(request, p, "Microsoft.Authorization/roleDefinitions/read", (scope, sub) -> ctx.world().roles()
        .definition(p.get("name")).map(d -> SimResponse.json(200, RoleJson.definition(d, sub)))
        .orElseGet(() -> ArmError.of(404, "RoleDefinitionDoesNotExist", "The specified role definition with ID '"
            + p.get("name") + "' does not exist.")));
  }

  public SimResponse listDefinitions(SimRequest request, PathParams p) {
    return scoped(request, p, "Microsoft.Authorization/roleDefinitions/read", (scope, sub) -> value(
        ctx.world().roles().definitions().stream().map(d -> RoleJson.definition(d, sub)).toList()));
  }

  private SimResponse scoped(SimRequest request, PathParams p, String action, Step step) {
    String scope = "/" + p.get("scope");
    Matcher sub = SUBSCRIPTION.matcher(scope);
    if (!sub.find()) {
      return ArmError.of(400, "InvalidScope", "The scope '" + scope + "' is not supported by this simulator.");
    }
    Admission admission = ctx.authorize(request, sub.group(1), ApiFamily.AUTHORIZATION, ASSIGNMENTS, "westeurope",
        action, scope);
    if (admission instanceof Admission.Refused r) {
      return r.response();
    }
    return step.run(scope, sub.group(1)).withHeaders(((Admission.Admitted) admission).headers());
  }

  private static SimResponse value(List<JsonObject> items) {
    JsonObject body = new JsonObject();
    body.add("value", Json.array(items));
    return SimResponse.json(200, body);
  }

  @FunctionalInterface
  private interface Step {
    SimResponse run(String scope, String subscriptionId);
  }
}
