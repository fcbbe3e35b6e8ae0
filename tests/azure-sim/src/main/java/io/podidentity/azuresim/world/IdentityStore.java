package io.podidentity.azuresim.world;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The user-assigned managed identities, findable by resource id, client id or principal (object) id. */
public final class IdentityStore {
  private final Map<String, UserAssignedIdentity> identities = new ConcurrentHashMap<>();

  public UserAssignedIdentity put(UserAssignedIdentity identity) {
    identities.put(identity.id().key(), identity);
    return identity;
  }

  public Optional<UserAssignedIdentity> get(ResourceId id) {
    return Optional.ofNullable(identities.get(id.key()));
  }

  public Optional<UserAssignedIdentity> get(String resourceId) {
    return ResourceId.parse(resourceId).flatMap(this::get);
  }

  public Optional<UserAssignedIdentity> byClientId(String clientId) {
    return identities.values().stream().filter(i -> i.clientId().equalsIgnoreCase(clientId)).findFirst();
  }

  public Optional<UserAssignedIdentity> byPrincipalId(String principalId) {
    return identities.values().stream().filter(i -> i.principalId().equalsIgnoreCase(principalId)).findFirst();
  }

  public Optional<UserAssignedIdentity> update(ResourceId id, UnaryOperator<UserAssignedIdentity> change) {
    return Optional.ofNullable(identities.computeIfPresent(id.key(), (k, i) -> change.apply(i)));
  }

  public boolean remove(ResourceId id) {
    return identities.remove(id.key()) != null;
  }

  public Collection<UserAssignedIdentity> all() {
    return List.copyOf(identities.values());
  }
}
