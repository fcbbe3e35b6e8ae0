package io.podidentity.azuresim.world;

import java.util.List;

/** An Azure RBAC role definition: the control-plane actions it grants and the ones it carves out. */
public record RoleDefinition(String id, String roleName, String description, List<String> actions,
    List<String> notActions) {

  public RoleDefinition {
    actions = List.copyOf(actions);
    notActions = List.copyOf(notActions);
  }
}
