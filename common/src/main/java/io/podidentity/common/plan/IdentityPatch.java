package io.podidentity.common.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One identity PATCH body for a VM or scale set: {@code {"identity": {"type": …, "userAssignedIdentities": {id:
 * {}, id: null}}}}. Only changed IDs are listed ({@code true} attaches, {@code false} detaches); an empty map means
 * the field is left out, which with type {@code None} or {@code SystemAssigned} detaches every user-assigned identity.
 */
public record IdentityPatch(String type, Map<String, Boolean> userAssignedIdentities) {

  public IdentityPatch {
    Objects.requireNonNull(type, "type");
    userAssignedIdentities = Collections.unmodifiableMap(new LinkedHashMap<>(userAssignedIdentities));
  }

  /** How many IDs the request names (ARM refuses more than 150 in one request). */
  public int size() {
    return userAssignedIdentities.size();
  }
}
