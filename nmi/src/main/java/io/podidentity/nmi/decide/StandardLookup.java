package io.podidentity.nmi.decide;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.model.Redaction;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Standard mode (§3.4.1): the identities of the pod's assigned identities that MIC has confirmed ({@code Assigned},
 * or without status from a MIC older than v1.5), with the original's wait budget. While nothing usable exists the
 * answer is {@link Verdict.Waiting}; with no {@code Created} one either after {@code attemptsForCreated} attempts,
 * or with nothing usable after all attempts, the request fails with the original's text.
 */
final class StandardLookup {
  private static final String ADVICE = ", error: <nil>. Check MIC pod logs for identity assignment errors";

  private StandardLookup() {}

  static Verdict lookup(PodRef pod, TokenParameters parameters, List<AssignedIdentity> assigned, int attempt,
      PolicySettings settings) {
    List<AssignedIdentity> mine = assigned.stream().filter(a -> a.pod().equals(pod))
        .sorted(Comparator.comparing((AssignedIdentity a) -> a.ref().namespace()).thenComparing(a -> a.ref().name()))
        .toList();
    Optional<List<AzureIdentity>> usable = usable(mine, AssignmentState.LEGACY_UNSET, parameters)
        .or(() -> usable(mine, AssignmentState.ASSIGNED, parameters));
    if (usable.isPresent()) {
      return IdentityChoice.pick(pod, usable.get(), parameters, settings.forceNamespaced());
    }
    if (!requestedIn(mine, AssignmentState.CREATED, parameters) && attempt >= settings.attemptsForCreated()) {
      return new TokenDecision.NotAssigned(createdMessage(pod, parameters, settings), Optional.empty());
    }
    if (attempt >= settings.totalAttempts()) {
      return new TokenDecision.NotAssigned("getting assigned identities for pod " + pod + " in ASSIGNED state failed "
          + "after " + settings.totalAttempts() + " attempts, retry duration [" + seconds(settings) + "]s" + ADVICE,
          Optional.empty());
    }
    return new Verdict.Waiting(attempt);
  }

  /** The identities of the group in {@code state}, when that group holds the requested identity (or any). */
  private static Optional<List<AzureIdentity>> usable(List<AssignedIdentity> mine, AssignmentState state,
      TokenParameters parameters) {
    return requestedIn(mine, state, parameters)
        ? Optional.of(mine.stream().filter(a -> a.state() == state).map(AssignedIdentity::identity).toList())
        : Optional.empty();
  }

  private static boolean requestedIn(List<AssignedIdentity> mine, AssignmentState state, TokenParameters parameters) {
    return mine.stream().filter(a -> a.state() == state)
        .anyMatch(a -> !parameters.namesIdentity() || parameters.asksFor(a.identity()));
  }

  private static String createdMessage(PodRef pod, TokenParameters parameters, PolicySettings settings) {
    String prefix = parameters.namesIdentity()
        ? "clientID in request: " + Redaction.clientId(parameters.clientId()) + ", "
        : "";
    return prefix + "getting assigned identities for pod " + pod + " in CREATED state failed after "
        + settings.attemptsForCreated() + " attempts, retry duration [" + seconds(settings) + "]s" + ADVICE;
  }

  private static long seconds(PolicySettings settings) {
    return settings.retryInterval().toSeconds();
  }
}
