package io.podidentity.azuresim.world;

/**
 * A role assignment: {@code principalId} (an object id) holds {@code roleDefinitionId} (a role GUID) at
 * {@code scope} and, by inheritance, at every scope below it.
 */
public record RoleAssignment(String name, String scope, String roleDefinitionId, String principalId,
    String principalType) {}
