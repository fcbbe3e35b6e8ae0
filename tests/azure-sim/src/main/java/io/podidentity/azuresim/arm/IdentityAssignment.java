package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.world.AttachedIdentity;
import io.podidentity.azuresim.world.MachineIdentity;
import io.podidentity.azuresim.world.ResourceId;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.azuresim.world.World;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The checks after {@link IdentityRequest} that need the world, in the order Azure applies them: ARM's linked
 * authorization ({@code assign/action} on every identity the request names), then the managed identity service's
 * limit of 150 identities per request and its lookup of each named identity (the first missing one fails the whole
 * request). Identities already on the resource keep the client and principal ids captured when they were attached,
 * so a deleted identity stays as a stale entry.
 */
public final class IdentityAssignment {
  public static final String ASSIGN_ACTION = "Microsoft.ManagedIdentity/userAssignedIdentities/assign/action";
  static final int MAX_PER_REQUEST = 150;

  private final World world;
  private final Permissions permissions;

  public IdentityAssignment(World world, Permissions permissions) {
    this.world = world;
    this.permissions = permissions;
  }

  public IdentityResolution resolve(Caller caller, ResourceId resource, String writeAction, MachineIdentity current,
      IdentityChange.Apply change) {
    List<String> denied = change.requested().stream()
        .filter(id -> !permissions.permits(caller.objectId(), ASSIGN_ACTION, id)).toList();
    if (!denied.isEmpty()) {
      return new IdentityResolution.Refused(ArmError.linkedAuthorizationFailed(caller, writeAction,
          resource.toString(), ASSIGN_ACTION, denied));
    }
    if (change.entryCount() > MAX_PER_REQUEST) {
      return new IdentityResolution.Refused(ArmError.failedIdentityOperation(resource.toString(),
          "User Assigned Identities Number '" + change.entryCount() + "' Assign exceed limit '" + MAX_PER_REQUEST
              + "' in one request."));
    }
    Optional<String> missing = change.requested().stream()
        .filter(id -> world.identities().get(id).isEmpty()).findFirst();
    if (missing.isPresent()) {
      return new IdentityResolution.Refused(ArmError.failedIdentityOperation(resource.toString(),
          "Resource '" + missing.get().toLowerCase(Locale.ROOT) + "' was not found."));
    }
    Map<String, AttachedIdentity> user = new LinkedHashMap<>();
    change.userAssigned().forEach((key, id) -> user.put(key, current.find(id).orElseGet(() -> attach(id))));
    MachineIdentity next = new MachineIdentity(change.systemAssigned() ? Optional.ofNullable(current.system())
        .orElseGet(() -> world.newSystemIdentity(resource.subscriptionId())) : null, user);
    return new IdentityResolution.Resolved(next);
  }

  private AttachedIdentity attach(String id) {
    UserAssignedIdentity identity = world.identities().get(id).orElseThrow();
    return new AttachedIdentity(id, identity.principalId(), identity.clientId());
  }
}
