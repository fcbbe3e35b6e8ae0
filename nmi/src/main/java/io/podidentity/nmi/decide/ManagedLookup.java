package io.podidentity.nmi.decide;

import io.podidentity.common.crd.CrdNames;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.PodRef;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Managed mode (§3.4.2): identities are attached to the VMs beforehand, so there is nothing to wait for. The pod's
 * {@code aadpodidbinding} label selects bindings of its own namespace; their identities, also of that namespace,
 * are the ones it may use: the first named by the request, or the first at all when it names none.
 */
final class ManagedLookup {
  private ManagedLookup() {}

  static TokenDecision lookup(TokenRequest request, IdentityView.Managed view) {
    PodRef ref = request.podRef();
    if (request.pod().isEmpty()) {
      return new TokenDecision.NotAssigned("failed to get pod " + ref + ", error: pod " + ref + " doesn't exist",
          Optional.empty());
    }
    String label = request.pod().get().labels().get(CrdNames.POD_LABEL);
    Set<String> bound = view.bindings().stream()
        .filter(b -> b.ref().namespace().equals(ref.namespace()) && b.selects(label))
        .map(IdentityBinding::identityName).collect(Collectors.toSet());
    List<AzureIdentity> usable = view.identities().stream()
        .filter(id -> id.ref().namespace().equals(ref.namespace()) && bound.contains(id.ref().name()))
        .sorted(Comparator.comparing(id -> id.ref().name()))
        .toList();
    return IdentityChoice.pick(ref, usable, request.parameters(), true);
  }
}
