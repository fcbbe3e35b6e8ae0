package io.podidentity.nmi.cluster;

import io.podidentity.common.model.ClientId;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.model.SecretRef;

/**
 * Changes NMI reacts to: waiting requests are re-checked when their pod or its assignments change, and cached tokens
 * are dropped when the assignment, binding, identity or Secret behind them changes or goes. Default methods do
 * nothing, so a listener implements what it needs.
 */
public interface ClusterListener {

  /** A pod holding {@code canonicalAddress} appeared, changed or went. */
  default void addressChanged(String canonicalAddress) {}

  /** What {@code pod} may use changed (an assignment was written, changed state or went). */
  default void identitiesChanged(PodRef pod) {}

  /** Anything a pod may use could have changed (exceptions, or managed mode's bindings and identities). */
  default void allIdentitiesChanged() {}

  /** Tokens of this identity must no longer be served from cache. */
  default void identityRevoked(ClientId clientId) {}

  /** A service principal's Secret changed or went. */
  default void secretChanged(SecretRef ref) {}
}
