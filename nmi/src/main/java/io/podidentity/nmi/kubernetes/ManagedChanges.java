package io.podidentity.nmi.kubernetes;

import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.nmi.cluster.ClusterListener;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Managed mode's reactions: any identity or binding change re-checks every waiting request; an identity that changed
 * or went revokes its cached tokens, and so does a binding that changed or went for the identity it named.
 */
final class ManagedChanges {
  private final Function<String, List<AzureIdentity>> identitiesInNamespace;
  private final Consumer<Consumer<ClusterListener>> notify;
  private final Runnable secretsChanged;

  ManagedChanges(Function<String, List<AzureIdentity>> identitiesInNamespace,
      Consumer<Consumer<ClusterListener>> notify, Runnable secretsChanged) {
    this.identitiesInNamespace = identitiesInNamespace;
    this.notify = notify;
    this.secretsChanged = secretsChanged;
  }

  void identityChanged(Optional<AzureIdentity> before, Optional<AzureIdentity> after) {
    before.ifPresent(b -> notify.accept(l -> l.identityRevoked(b.clientId())));
    notify.accept(ClusterListener::allIdentitiesChanged);
    secretsChanged.run();
  }

  void bindingChanged(Optional<IdentityBinding> before, Optional<IdentityBinding> after) {
    before.ifPresent(b -> identitiesInNamespace.apply(b.ref().namespace()).stream()
        .filter(id -> id.ref().name().equals(b.identityName()))
        .forEach(id -> notify.accept(l -> l.identityRevoked(id.clientId()))));
    notify.accept(ClusterListener::allIdentitiesChanged);
  }
}
