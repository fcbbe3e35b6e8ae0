package io.podidentity.nmi.decide;

/**
 * One evaluation of a token request against the caches: either a final {@link TokenDecision} or {@link Waiting},
 * meaning "not yet: evaluate again at the next attempt or when the pod's assignments change".
 */
public sealed interface Verdict permits TokenDecision, Verdict.Waiting {

  /** The identity may still appear or become assigned; {@code attempt} is the one just evaluated. */
  record Waiting(int attempt) implements Verdict {}
}
