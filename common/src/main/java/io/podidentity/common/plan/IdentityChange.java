package io.podidentity.common.plan;

import io.podidentity.common.model.UserAssignedIdentityId;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The user-assigned identities MIC decided to attach to and detach from one VM or scale set. An identity in both
 * sets stays attached (adds win over removes, as in the original). Identities in neither set are never touched.
 */
public record IdentityChange(Set<UserAssignedIdentityId> add, Set<UserAssignedIdentityId> remove) {

  public static final IdentityChange NONE = new IdentityChange(Set.of(), Set.of());

  public IdentityChange {
    add = Set.copyOf(Objects.requireNonNull(add, "add"));
    remove = Set.copyOf(Objects.requireNonNull(remove, "remove"));
  }

  public boolean isEmpty() {
    return add.isEmpty() && remove.isEmpty();
  }

  /** This change without {@code ids} in either set (identities ARM refused, or quarantined ones). */
  public IdentityChange without(Set<UserAssignedIdentityId> ids) {
    if (ids.isEmpty()) {
      return this;
    }
    Set<UserAssignedIdentityId> keptAdds = new HashSet<>(add);
    keptAdds.removeAll(ids);
    Set<UserAssignedIdentityId> keptRemoves = new HashSet<>(remove);
    keptRemoves.removeAll(ids);
    return new IdentityChange(keptAdds, keptRemoves);
  }

  /** This change attaching only identities in {@code wanted}; removals are unchanged. */
  public IdentityChange addingOnly(Set<UserAssignedIdentityId> wanted) {
    Set<UserAssignedIdentityId> keptAdds = new HashSet<>(add);
    keptAdds.retainAll(wanted);
    return new IdentityChange(keptAdds, remove);
  }
}
