package io.podidentity.azuresim.imds;

import io.podidentity.azuresim.world.AttachedIdentity;
import io.podidentity.azuresim.world.MachineIdentity;
import io.podidentity.azuresim.world.SystemIdentity;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * IMDS's choice of identity for a token request (a pure function). With {@code client_id}, {@code object_id} or
 * {@code msi_res_id}/{@code mi_res_id} it picks that identity among the machine's (precedence in that order when
 * several are given); without, the system-assigned identity if enabled, else the only user-assigned one, else
 * "ambiguous" when there are several. Stale entries (identities deleted since) can never be chosen.
 */
public final class IdentitySelection {
  private IdentitySelection() {}

  /**
   * @param liveTenant the tenant of a user-assigned identity (by resource id), empty once it was deleted
   * @param machineResourceId the VM or scale set id, which a system-assigned identity's token names
   */
  public static IdentityChoice choose(MachineIdentity identity, String machineResourceId, Optional<String> clientId,
      Optional<String> objectId, Optional<String> resourceId, Function<String, Optional<String>> liveTenant) {
    Collection<AttachedIdentity> user = identity.userAssigned().values();
    SystemIdentity system = identity.system();
    if (clientId.isPresent()) {
      return pick(system, user, machineResourceId, liveTenant, a -> a.clientId().equalsIgnoreCase(clientId.get()),
          s -> s.clientId().equalsIgnoreCase(clientId.get()));
    }
    if (objectId.isPresent()) {
      return pick(system, user, machineResourceId, liveTenant, a -> a.principalId().equalsIgnoreCase(objectId.get()),
          s -> s.principalId().equalsIgnoreCase(objectId.get()));
    }
    if (resourceId.isPresent()) {
      return pick(null, user, machineResourceId, liveTenant, a -> a.resourceId().equalsIgnoreCase(resourceId.get()),
          s -> false);
    }
    if (system != null) {
      return systemChoice(system, machineResourceId);
    }
    if (user.size() > 1) {
      return new IdentityChoice.Ambiguous();
    }
    return pick(null, user, machineResourceId, liveTenant, a -> true, s -> false);
  }

  private static IdentityChoice pick(SystemIdentity system, Collection<AttachedIdentity> user, String machine,
      Function<String, Optional<String>> liveTenant, Predicate<AttachedIdentity> userMatch,
      Predicate<SystemIdentity> systemMatch) {
    if (system != null && systemMatch.test(system)) {
      return systemChoice(system, machine);
    }
    Optional<AttachedIdentity> match = user.stream().filter(userMatch).findFirst();
    Optional<String> tenant = match.flatMap(a -> liveTenant.apply(a.resourceId()));
    if (match.isEmpty() || tenant.isEmpty()) {
      return new IdentityChoice.NotFound();
    }
    return new IdentityChoice.Chosen(match.get().principalId(), match.get().clientId(), tenant.get(),
        match.get().resourceId());
  }

  private static IdentityChoice systemChoice(SystemIdentity system, String machine) {
    return new IdentityChoice.Chosen(system.principalId(), system.clientId(), system.tenantId(), machine);
  }
}
