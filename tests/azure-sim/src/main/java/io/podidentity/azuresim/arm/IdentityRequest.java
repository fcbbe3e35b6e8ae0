package io.podidentity.azuresim.arm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.azuresim.world.MachineIdentity;
import io.podidentity.azuresim.world.ResourceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Interprets the {@code identity} block of a Compute PUT or PATCH (a pure function of the current identities and the
 * request). PATCH merges {@code userAssignedIdentities} into the current set, a {@code null} value removing that id;
 * PUT replaces the set. {@code type} decides which kinds remain, and Compute's validation errors are reproduced:
 * a missing {@code type}, ids with {@code SystemAssigned}, duplicate ids and an empty set for {@code UserAssigned}.
 */
public final class IdentityRequest {
  private static final String IDS_TARGET = "resourceIdentity.identityIds";

  private IdentityRequest() {}

  public static IdentityChange interpret(MachineIdentity current, JsonObject body, boolean replace) {
    JsonElement element = body.get("identity");
    if (element == null || element.isJsonNull()) {
      return new IdentityChange.Unchanged();
    }
    if (!element.isJsonObject()) {
      return new IdentityChange.Invalid(ArmError.invalidRequestContent("Error converting value to type "
          + "'ResourceIdentity'. Path 'identity'."));
    }
    JsonObject identity = element.getAsJsonObject();
    Optional<Kinds> kinds = Kinds.parse(identity.get("type"));
    if (kinds.isEmpty()) {
      return new IdentityChange.Invalid(identity.has("type")
          ? ArmError.invalidParameter("The value of parameter identity.type is invalid.", "identity.type")
          : ArmError.invalidRequestContent("Required property 'type' not found in JSON. Path 'identity'."));
    }
    JsonObject requested = identity.has("userAssignedIdentities") && identity.get("userAssignedIdentities")
        .isJsonObject() ? identity.getAsJsonObject("userAssignedIdentities") : new JsonObject();
    return apply(current, kinds.get(), requested, replace);
  }

  private static IdentityChange apply(MachineIdentity current, Kinds kinds, JsonObject map, boolean replace) {
    Map<String, String> next = new LinkedHashMap<>();
    if (!replace && kinds.user()) {
      current.userAssigned().forEach((k, v) -> next.put(k, v.resourceId()));
    }
    List<String> added = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : map.entrySet()) {
      String id = entry.getKey();
      String key = id.toLowerCase(Locale.ROOT);
      if (seen.put(key, id) != null) {
        return invalid("ResourceIdentity identityId '" + id + "' cannot be duplicated in the provided identityIds "
            + "list.");
      }
      if (ResourceId.parse(id).isEmpty()) {
        return new IdentityChange.Invalid(ArmError.linkedInvalidPropertyId(id, "identity.userAssignedIdentities"));
      }
      if (entry.getValue().isJsonNull()) {
        next.remove(key);
      } else {
        added.add(id);
        next.putIfAbsent(key, id);
      }
    }
    if (!kinds.user() && !added.isEmpty()) {
      return invalid("ResourceIdentity identityIds should not be provided if the type is \"" + kinds.wire() + "\".");
    }
    if (!kinds.user()) {
      next.clear();
    } else if (next.isEmpty()) {
      return invalid("The identity ids must not be null or empty for 'UserAssigned' identity type.");
    }
    return new IdentityChange.Apply(kinds.system(), next, added, map.size());
  }

  private static IdentityChange invalid(String message) {
    return new IdentityChange.Invalid(ArmError.invalidParameter(message, IDS_TARGET));
  }

  /** The identity kinds an ARM {@code type} value names. */
  private record Kinds(boolean system, boolean user, String wire) {
    static Optional<Kinds> parse(JsonElement type) {
      if (type == null || !type.isJsonPrimitive()) {
        return Optional.empty();
      }
      String value = type.getAsString().replace(" ", "").toLowerCase(Locale.ROOT);
      return switch (value) {
        case "none" -> Optional.of(new Kinds(false, false, "None"));
        case "systemassigned" -> Optional.of(new Kinds(true, false, "SystemAssigned"));
        case "userassigned" -> Optional.of(new Kinds(false, true, "UserAssigned"));
        case "systemassigned,userassigned" -> Optional.of(new Kinds(true, true, "SystemAssigned, UserAssigned"));
        default -> Optional.empty();
      };
    }
  }
}
