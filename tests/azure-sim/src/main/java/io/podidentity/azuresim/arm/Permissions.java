package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.world.RoleAssignment;
import io.podidentity.azuresim.world.RoleDefinition;
import io.podidentity.azuresim.world.RoleStore;
import java.util.Locale;
import java.util.Optional;

/**
 * Azure RBAC evaluation for control-plane actions: a principal may perform an action at a scope when some role
 * assignment of that principal at the scope or any parent scope has a role whose actions match and whose notActions
 * do not. Scopes compare case-insensitively; {@code /} is the root scope.
 */
public final class Permissions {
  private final RoleStore roles;

  public Permissions(RoleStore roles) {
    this.roles = roles;
  }

  public boolean permits(String principalId, String action, String scope) {
    for (RoleAssignment assignment : roles.assignments()) {
      if (assignment.principalId().equalsIgnoreCase(principalId) && covers(assignment.scope(), scope)) {
        Optional<RoleDefinition> role = roles.definition(assignment.roleDefinitionId());
        if (role.isPresent() && grants(role.get(), action)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean grants(RoleDefinition role, String action) {
    return role.actions().stream().anyMatch(a -> ActionPattern.matches(a, action))
        && role.notActions().stream().noneMatch(a -> ActionPattern.matches(a, action));
  }

  /** Whether an assignment at {@code assigned} applies at {@code target} (same scope or a descendant). */
  static boolean covers(String assigned, String target) {
    String a = trim(assigned).toLowerCase(Locale.ROOT);
    String t = trim(target).toLowerCase(Locale.ROOT);
    return a.isEmpty() || t.equals(a) || t.startsWith(a + "/");
  }

  private static String trim(String scope) {
    return scope.endsWith("/") ? scope.substring(0, scope.length() - 1) : scope;
  }
}
