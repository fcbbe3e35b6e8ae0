package io.podidentity.common.port;

import io.podidentity.common.plan.HolderIdentity;
import java.util.Objects;

/** The answer to reading a VM's or scale set's identities: the identities, or why they could not be read. */
public sealed interface IdentityRead permits IdentityRead.Found, ArmFailure {

  /**
   * The identity block as ARM returned it; {@code deleting} when the resource's provisioning state is {@code
   * Deleting}, in which case it must not be updated.
   */
  record Found(HolderIdentity identity, boolean deleting) implements IdentityRead {
    public Found {
      Objects.requireNonNull(identity, "identity");
    }

    public Found(HolderIdentity identity) {
      this(identity, false);
    }
  }
}
