package io.podidentity.azuresim.world;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Role definitions (the built-in ones preloaded) and role assignments. */
public final class RoleStore {
  private final Map<String, RoleDefinition> definitions = new ConcurrentHashMap<>();
  private final Map<String, RoleAssignment> assignments = new ConcurrentHashMap<>();

  public RoleStore() {
    BuiltInRoles.ALL.forEach(this::define);
  }

  public RoleDefinition define(RoleDefinition definition) {
    definitions.put(definition.id().toLowerCase(Locale.ROOT), definition);
    return definition;
  }

  /** A definition by GUID, by full definition id (its last segment) or by role name. */
  public Optional<RoleDefinition> definition(String idOrName) {
    String last = idOrName.substring(idOrName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    RoleDefinition byId = definitions.get(last);
    if (byId != null) {
      return Optional.of(byId);
    }
    return definitions.values().stream().filter(d -> d.roleName().equalsIgnoreCase(idOrName)).findFirst();
  }

  public RoleAssignment assign(RoleAssignment assignment) {
    assignments.put(assignment.name().toLowerCase(Locale.ROOT), assignment);
    return assignment;
  }

  public Optional<RoleAssignment> assignment(String name) {
    return Optional.ofNullable(assignments.get(name.toLowerCase(Locale.ROOT)));
  }

  public boolean unassign(String name) {
    return assignments.remove(name.toLowerCase(Locale.ROOT)) != null;
  }

  public Collection<RoleAssignment> assignments() {
    return List.copyOf(assignments.values());
  }

  public Collection<RoleDefinition> definitions() {
    return List.copyOf(definitions.values());
  }
}
