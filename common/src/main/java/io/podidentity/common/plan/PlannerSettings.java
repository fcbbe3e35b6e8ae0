package io.podidentity.common.plan;

import io.podidentity.common.model.ClientId;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configuration that changes what the planner decides.
 *
 * @param forceNamespaced identity, binding and pod must share a namespace ({@code --forceNamespaced})
 * @param immutableClientIds client IDs never taken off a VM or scale set ({@code --immutable-user-msis} plus MIC's
 *     own cluster identity), compared ignoring case
 * @param releaseFinishedPods pods that Succeeded or Failed release their identities, as if deleted
 */
public record PlannerSettings(boolean forceNamespaced, Set<String> immutableClientIds, boolean releaseFinishedPods) {

  public PlannerSettings {
    immutableClientIds = immutableClientIds.stream()
        .map(id -> id.strip().toLowerCase(Locale.ROOT))
        .filter(id -> !id.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The original's behaviour: not namespaced, nothing immutable, finished pods keep their identities. */
  public static PlannerSettings defaults() {
    return new PlannerSettings(false, Set.of(), false);
  }

  public boolean isImmutable(ClientId clientId) {
    return immutableClientIds.contains(clientId.value().toLowerCase(Locale.ROOT));
  }
}
