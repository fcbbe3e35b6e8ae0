package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.control.Counters;
import io.podidentity.azuresim.world.World;

/** The collaborators every ARM resource handler shares. */
public record ArmContext(World world, ArmFrontDoor frontDoor, Permissions permissions, ArmThrottling throttling,
    LongRunningOperations operations, IdentityAssignment identities, Counters counters) {

  /**
   * The front door, then RBAC: the caller must be allowed {@code action} at {@code scope} (403
   * {@code AuthorizationFailed} otherwise).
   */
  public Admission authorize(io.podidentity.azuresim.http.SimRequest request, String subscriptionId,
      ApiFamily family, String typeForErrors, String location, String action, String scope) {
    Admission admission = frontDoor.admit(request, subscriptionId, family, typeForErrors, location);
    if (admission instanceof Admission.Admitted admitted
        && !permissions.permits(admitted.caller().objectId(), action, scope)) {
      counters.increment("arm_403");
      return new Admission.Refused(ArmError.authorizationFailed(admitted.caller(), action, scope));
    }
    return admission;
  }

  /** Where ARM says a request is, for messages that name a location: the resource group's, else West Europe. */
  public String locationOf(String subscriptionId, String resourceGroup) {
    return world.directory().resourceGroup(subscriptionId, resourceGroup)
        .map(io.podidentity.azuresim.world.ResourceGroup::location).orElse("westeurope");
  }
}
