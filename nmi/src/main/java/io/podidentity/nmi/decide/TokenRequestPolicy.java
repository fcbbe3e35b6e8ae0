package io.podidentity.nmi.decide;

import io.podidentity.common.model.PodIdentityException;
import java.util.List;
import java.util.Locale;

/**
 * Decides who gets what, for every request (a cached token never skips this): an excepted pod or MIC gets the
 * node's own token; otherwise the mode's lookup finds the identity the pod may use, or says to wait, or refuses.
 * The attempt number stands in for the original's sleep loop, so waiting is the caller's business.
 */
public final class TokenRequestPolicy {
  private static final String MIC_REPLICA_SET_PREFIX = "mic";

  private TokenRequestPolicy() {}

  public static Verdict decide(TokenRequest request, IdentityView view, int attempt, PolicySettings settings) {
    if (request.endpoint() == TokenRequest.Endpoint.POD && request.pod().isPresent()
        && bypassesNmi(request.pod().get(), view.exceptions(), settings)) {
      TokenParameters p = request.parameters();
      return new TokenDecision.IssueNodeToken(p.clientId(), p.resource());
    }
    Verdict verdict = switch (view) {
      case IdentityView.Standard standard ->
          StandardLookup.lookup(request.podRef(), request.parameters(), standard.assigned(), attempt, settings);
      case IdentityView.Managed managed -> ManagedLookup.lookup(request, managed);
    };
    if (verdict instanceof TokenDecision.NotAssigned notAssigned && settings.retryAfterHeader()
        && request.endpoint() == TokenRequest.Endpoint.POD) {
      return notAssigned.withRetryAfter(PolicySettings.RETRY_AFTER);
    }
    return verdict;
  }

  /**
   * Whether the pod skips the identity check (§3.6): an exception of its own namespace names one of its labels
   * (value compared ignoring case), or it is MIC (its namespace is MIC's, ignoring case, and its ReplicaSet's name
   * starts with {@code mic}, which is what the original's {@code ^mic-*} means).
   */
  static boolean bypassesNmi(PodInfo pod, List<PodIdentityException> exceptions, PolicySettings settings) {
    String namespace = pod.ref().namespace();
    boolean excepted = exceptions.stream()
        .filter(e -> e.ref().namespace().equals(namespace))
        .anyMatch(e -> e.exempts(pod.labels()));
    boolean mic = namespace.toLowerCase(Locale.ROOT).equals(settings.micNamespace().toLowerCase(Locale.ROOT))
        && pod.replicaSetName().startsWith(MIC_REPLICA_SET_PREFIX);
    return excepted || mic;
  }
}
