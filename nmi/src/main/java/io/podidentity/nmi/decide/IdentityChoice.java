package io.podidentity.nmi.decide;

import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.model.Redaction;
import java.util.List;
import java.util.Optional;

/**
 * Picks the identity to issue from the identities a pod may use, as the original does: identities restricted to
 * their namespace (namespaced mode, or the identity's annotation) are dropped unless they are in the pod's namespace;
 * then the first one named by the request, or the first one at all when the request names none.
 */
final class IdentityChoice {
  private IdentityChoice() {}

  static TokenDecision pick(PodRef pod, List<AzureIdentity> usable, TokenParameters parameters,
      boolean forceNamespaced) {
    List<AzureIdentity> allowed = usable.stream()
        .filter(id -> !id.restrictedToNamespace(forceNamespaced) || id.ref().namespace().equals(pod.namespace()))
        .toList();
    Optional<AzureIdentity> chosen = parameters.namesIdentity()
        ? allowed.stream().filter(parameters::asksFor).findFirst()
        : allowed.stream().findFirst();
    return chosen.<TokenDecision>map(id -> new TokenDecision.Issue(id, parameters.resource()))
        .orElseGet(() -> notFound(parameters));
  }

  /** The original's text when nothing matches; the client ID is redacted. */
  static TokenDecision.NotAssigned notFound(TokenParameters parameters) {
    return new TokenDecision.NotAssigned(
        "no azure identity found for request clientID " + Redaction.clientId(parameters.clientId()), Optional.empty());
  }
}
