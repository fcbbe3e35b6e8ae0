package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.world.MachineIdentity;

/** The identity block a request ends with, or the error that stops it. */
public sealed interface IdentityResolution {
  record Resolved(MachineIdentity identity) implements IdentityResolution {}

  record Refused(SimResponse error) implements IdentityResolution {}
}
