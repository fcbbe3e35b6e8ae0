package io.podidentity.common.plan;

import io.podidentity.common.model.UserAssignedIdentityId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The identity block of a VM or scale set as ARM returned it: the identity type ({@code None}, {@code
 * SystemAssigned}, {@code UserAssigned}, {@code SystemAssigned, UserAssigned}; empty when there is no block) and the
 * user-assigned identity IDs, kept as ARM spelled them and compared ignoring case.
 */
public record HolderIdentity(String type, Set<String> userAssignedIds) {

  /** A VM or scale set without an identity block. */
  public static final HolderIdentity NONE = new HolderIdentity("", Set.of());

  public HolderIdentity {
    Objects.requireNonNull(type, "type");
    userAssignedIds = Set.copyOf(userAssignedIds);
  }

  /** Whether the identity is attached, ignoring case as ARM does. */
  public boolean has(UserAssignedIdentityId id) {
    return byLowerCase().containsKey(lower(id.toString()));
  }

  /** Whether {@code type} includes the system-assigned identity. */
  public boolean hasSystemAssigned() {
    String compact = type.replace(" ", "").toLowerCase(Locale.ROOT);
    return compact.equals("systemassigned") || compact.equals("systemassigned,userassigned");
  }

  /** What ARM holds once {@code patch} is applied: the state an update's verification expects. */
  public HolderIdentity after(IdentityPatch patch) {
    Map<String, String> ids = new LinkedHashMap<>(byLowerCase());
    if (patch.userAssignedIdentities().isEmpty()) {
      ids.clear();
    }
    patch.userAssignedIdentities().forEach((id, attach) -> {
      if (attach) {
        ids.put(lower(id), id);
      } else {
        ids.remove(lower(id));
      }
    });
    return new HolderIdentity(patch.type(), Set.copyOf(ids.values()));
  }

  /** The IDs keyed by their lower-case text, mapped to ARM's spelling. */
  Map<String, String> byLowerCase() {
    Map<String, String> ids = new LinkedHashMap<>();
    userAssignedIds.forEach(id -> ids.put(lower(id), id));
    return Collections.unmodifiableMap(ids);
  }

  static String lower(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
