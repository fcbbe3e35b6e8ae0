package io.podidentity.common.plan;

import io.podidentity.common.model.UserAssignedIdentityId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delta PATCHes that carry an {@link IdentityChange} onto a VM or scale set (§2.6): removals first, then adds,
 * so an ID in both stays; only IDs that change are sent; the identity type keeps the system-assigned identity; at
 * most {@value #MAX_IDS_PER_REQUEST} IDs per request. No change, no request.
 */
public final class IdentityPatches {
  /** ARM answers "Assign exceed limit '150' in one request" above this. */
  public static final int MAX_IDS_PER_REQUEST = 150;

  private static final Comparator<UserAssignedIdentityId> ORDER =
      Comparator.comparing(id -> HolderIdentity.lower(id.toString()));

  private IdentityPatches() {}

  public static List<IdentityPatch> between(HolderIdentity current, IdentityChange change) {
    return between(current, change, MAX_IDS_PER_REQUEST);
  }

  public static List<IdentityPatch> between(HolderIdentity current, IdentityChange change, int maxIdsPerRequest) {
    Map<String, String> present = current.byLowerCase();
    Map<String, Boolean> delta = new LinkedHashMap<>();
    for (UserAssignedIdentityId id : sorted(change.remove())) {
      String key = HolderIdentity.lower(id.toString());
      if (present.containsKey(key)) {
        delta.put(present.get(key), false);
      }
    }
    for (UserAssignedIdentityId id : sorted(change.add())) {
      String key = HolderIdentity.lower(id.toString());
      if (present.containsKey(key)) {
        delta.remove(present.get(key));
      } else {
        delta.put(id.toString(), true);
      }
    }
    if (delta.isEmpty()) {
      return List.of();
    }
    long remaining = present.size() - delta.values().stream().filter(attach -> !attach).count()
        + delta.values().stream().filter(attach -> attach).count();
    if (remaining == 0) {
      return List.of(new IdentityPatch(current.hasSystemAssigned() ? "SystemAssigned" : "None", Map.of()));
    }
    return chunks(typeWithUserAssigned(current.type()), delta, maxIdsPerRequest);
  }

  /** The original's type mapping when user-assigned identities remain (§2.6). */
  static String typeWithUserAssigned(String type) {
    return switch (type.replace(" ", "").toLowerCase(java.util.Locale.ROOT)) {
      case "", "none", "userassigned" -> "UserAssigned";
      case "systemassigned", "systemassigned,userassigned" -> "SystemAssigned, UserAssigned";
      default -> "None";
    };
  }

  private static List<IdentityPatch> chunks(String type, Map<String, Boolean> delta, int max) {
    List<IdentityPatch> patches = new ArrayList<>();
    Map<String, Boolean> chunk = new LinkedHashMap<>();
    for (Map.Entry<String, Boolean> entry : delta.entrySet()) {
      chunk.put(entry.getKey(), entry.getValue());
      if (chunk.size() == max) {
        patches.add(new IdentityPatch(type, chunk));
        chunk = new LinkedHashMap<>();
      }
    }
    if (!chunk.isEmpty()) {
      patches.add(new IdentityPatch(type, chunk));
    }
    return patches;
  }

  private static List<UserAssignedIdentityId> sorted(Set<UserAssignedIdentityId> ids) {
    return ids.stream().sorted(ORDER).toList();
  }
}
