package io.podidentity.common.port;

import io.podidentity.common.plan.HolderIdentity;
import java.util.Objects;

/** The answer to reading a VM's or scale set's identities: the identities, or why they could not be read. */
public sealed interface IdentityRead permits IdentityRead.Found, ArmFailure {

  /** The identity block as ARM returned it. */
  record Found(HolderIdentity identity) implements IdentityRead {
    public Found {
      Objects.requireNonNull(identity, "identity");
    }
  }
}
