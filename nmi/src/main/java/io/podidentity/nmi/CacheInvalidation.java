package io.podidentity.nmi;

import io.podidentity.common.model.ClientId;
import io.podidentity.common.model.SecretRef;
import io.podidentity.nmi.cluster.ClusterListener;
import io.podidentity.nmi.token.TokenCache;
import java.util.logging.Logger;

/** Drops cached tokens when the assignment, binding, identity or Secret behind them changes or goes. */
final class CacheInvalidation implements ClusterListener {
  private static final Logger LOG = Logger.getLogger(CacheInvalidation.class.getName());

  private final TokenCache cache;

  CacheInvalidation(TokenCache cache) {
    this.cache = cache;
  }

  @Override
  public void identityRevoked(ClientId clientId) {
    cache.invalidate(key -> key.isFor(clientId));
    LOG.fine(() -> "drop cached tokens clientID=" + clientId);
  }

  @Override
  public void secretChanged(SecretRef ref) {
    cache.invalidate(key -> key.usesSecret(ref));
    LOG.fine(() -> "drop cached tokens secret=" + ref);
  }
}
