package io.podidentity.azuresim.world;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code identity} block of a VM or scale set: an optional system-assigned identity and the user-assigned ones
 * keyed by lower-cased resource id (ARM matches them case-insensitively).
 */
public record MachineIdentity(SystemIdentity system, Map<String, AttachedIdentity> userAssigned) {
  public static final MachineIdentity NONE = new MachineIdentity(null, Map.of());

  public MachineIdentity {
    userAssigned = Collections.unmodifiableMap(new LinkedHashMap<>(userAssigned));
  }

  /** The ARM {@code type} string for this combination. */
  public String type() {
    boolean user = !userAssigned.isEmpty();
    if (system != null && user) {
      return "SystemAssigned, UserAssigned";
    }
    return system != null ? "SystemAssigned" : user ? "UserAssigned" : "None";
  }

  public Optional<AttachedIdentity> find(String resourceId) {
    return Optional.ofNullable(userAssigned.get(resourceId.toLowerCase(Locale.ROOT)));
  }

  public MachineIdentity withUserAssigned(Map<String, AttachedIdentity> next) {
    return new MachineIdentity(system, next);
  }

  public MachineIdentity withSystem(SystemIdentity next) {
    return new MachineIdentity(next, userAssigned);
  }
}
