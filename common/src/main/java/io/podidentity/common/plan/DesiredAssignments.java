package io.podidentity.common.plan;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assigned identities that should exist (§2.5 step 3): one per scheduled, labelled pod and matching binding whose
 * identity exists and passes the namespace rule. Bindings are indexed by selector and identities by reference, so the
 * cost is linear in pods times matching bindings.
 */
record DesiredAssignments(Map<ObjectRef, AssignedIdentity> byRef, List<PlanNote> notes) {

  private static final Comparator<IdentityBinding> BINDING_ORDER =
      Comparator.comparing((IdentityBinding b) -> b.ref().namespace()).thenComparing(b -> b.ref().name());

  static DesiredAssignments of(ClusterSnapshot snapshot, PlannerSettings settings) {
    Map<String, List<IdentityBinding>> bySelector = indexBySelector(snapshot.bindings());
    Map<ObjectRef, AssignedIdentity> desired = new LinkedHashMap<>();
    Map<ObjectRef, PlanNote> missing = new LinkedHashMap<>();
    Map<List<ObjectRef>, PlanNote> conflicts = new LinkedHashMap<>();
    for (PodView pod : snapshot.pods()) {
      if (!wanted(pod, settings)) {
        continue;
      }
      for (IdentityBinding binding : bySelector.getOrDefault(pod.selector(), List.of())) {
        AzureIdentity identity = snapshot.identities().get(binding.identityRef());
        if (identity == null) {
          missing.putIfAbsent(binding.ref(), new PlanNote.IdentityNotFound(binding, pod.ref()));
        } else if (namespaceAllows(identity, binding, pod, settings)) {
          AssignedIdentity assigned = assignment(pod, identity, binding, settings);
          AssignedIdentity earlier = desired.putIfAbsent(assigned.ref(), assigned);
          if (earlier != null) {
            conflicts.putIfAbsent(List.of(earlier.identity().ref(), identity.ref()),
                new PlanNote.IdentityNameConflict(pod.ref(), earlier.identity().ref(), binding));
          }
        }
      }
    }
    List<PlanNote> notes = new ArrayList<>(missing.values());
    notes.addAll(conflicts.values());
    return new DesiredAssignments(desired, notes);
  }

  private static boolean wanted(PodView pod, PlannerSettings settings) {
    return pod.scheduled() && !pod.selector().isEmpty() && !(pod.finished() && settings.releaseFinishedPods());
  }

  private static boolean namespaceAllows(
      AzureIdentity identity, IdentityBinding binding, PodView pod, PlannerSettings settings) {
    if (!identity.restrictedToNamespace(settings.forceNamespaced())) {
      return true;
    }
    String namespace = identity.ref().namespace();
    return namespace.equals(binding.ref().namespace()) && namespace.equals(pod.ref().namespace());
  }

  private static AssignedIdentity assignment(
      PodView pod, AzureIdentity identity, IdentityBinding binding, PlannerSettings settings) {
    return new AssignedIdentity(
        AssignedIdentity.refFor(pod.ref(), identity, settings.forceNamespaced()),
        "",
        identity,
        binding,
        pod.ref(),
        pod.nodeName(),
        AssignmentState.CREATED);
  }

  private static Map<String, List<IdentityBinding>> indexBySelector(List<IdentityBinding> bindings) {
    Map<String, List<IdentityBinding>> index = new HashMap<>();
    for (IdentityBinding binding : bindings) {
      index.computeIfAbsent(binding.selector(), s -> new ArrayList<>()).add(binding);
    }
    index.values().forEach(list -> list.sort(BINDING_ORDER));
    return index;
  }
}
