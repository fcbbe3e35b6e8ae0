package io.podidentity.mic.reconcile;

import io.podidentity.common.plan.PlanNote;
import io.podidentity.common.port.ClusterEvent;
import io.podidentity.common.port.EventSink;
import io.podidentity.common.port.EventTarget;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Reports each problem once while it lasts: a Warning event on the object and one log line when it first appears,
 * nothing while it persists (so a cluster that does not change causes no API writes), and again if it goes away
 * and comes back. Only the sync thread calls it.
 */
public final class ProblemReporter {
  private static final Logger LOG = Logger.getLogger(ProblemReporter.class.getName());

  private final EventSink events;
  private Set<Problem> known = new HashSet<>();

  public ProblemReporter(EventSink events) {
    this.events = events;
  }

  /** Reports the problems of one sync that were not there in the previous one, and forgets those now gone. */
  public void reportSync(Collection<Problem> current) {
    Set<Problem> now = new HashSet<>(current);
    for (Problem problem : now) {
      if (!known.contains(problem)) {
        LOG.warning(() -> "skip " + problem.target() + ": " + problem.message());
        events.record(ClusterEvent.warning(problem.target(), problem.reason(), problem.message()));
      }
    }
    known = now;
  }

  /** The problem a planner note describes. */
  public static Problem of(PlanNote note) {
    return switch (note) {
      case PlanNote.IdentityNotFound n -> new Problem(EventTarget.binding(n.binding().ref()),
          Problem.IDENTITY_NOT_FOUND, n.binding().identityName() + " identity not found when using "
              + n.binding().ref() + " binding (pod " + n.pod() + ")");
      case PlanNote.NodeNotPlaceable n -> new Problem(EventTarget.pod(n.pod()), Problem.NODE_NOT_PLACEABLE,
          "identities of pod " + n.pod() + " cannot be assigned: node " + n.nodeName() + ": " + n.reason());
      case PlanNote.IdentityNameConflict n -> new Problem(EventTarget.binding(n.ignored().ref()),
          Problem.IDENTITY_NAME_CONFLICT, "AzureIdentity " + n.kept().name() + " exists in both "
              + n.kept().namespace() + " and " + n.ignored().ref().namespace() + " namespace; binding "
              + n.ignored().ref() + " is ignored for pod " + n.pod() + ". Consider renaming it or enabling "
              + "namespaced mode");
    };
  }
}
