package io.podidentity.common.plan;

import static io.podidentity.common.model.AssignmentState.ASSIGNED;
import static io.podidentity.common.model.AssignmentState.CREATED;
import static io.podidentity.common.model.AssignmentState.LEGACY_UNSET;
import static io.podidentity.common.model.AssignmentState.UNASSIGNED;
import static io.podidentity.common.testing.ModelFixtures.assigned;
import static io.podidentity.common.testing.ModelFixtures.binding;
import static io.podidentity.common.testing.ModelFixtures.clientIdOf;
import static io.podidentity.common.testing.ModelFixtures.namespacedUserAssigned;
import static io.podidentity.common.testing.ModelFixtures.pod;
import static io.podidentity.common.testing.ModelFixtures.scaleSetNode;
import static io.podidentity.common.testing.ModelFixtures.servicePrincipal;
import static io.podidentity.common.testing.ModelFixtures.userAssigned;
import static io.podidentity.common.testing.ModelFixtures.vmNode;
import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.PodRef;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every planning rule of §2.5 as a row: a cluster, the settings, and the plan as short lines. */
class AssignmentPlannerTest {
  private static final PlannerSettings ORIGINAL = PlannerSettings.defaults();
  private static final PlannerSettings NAMESPACED = new PlannerSettings(true, Set.of(), false);
  private static final PlannerSettings RELEASING = new PlannerSettings(false, Set.of(), true);

  private static final AzureIdentity ID1 = userAssigned("team", "id1");
  private static final IdentityBinding B1 = binding("team", "b1", "id1", "s1");
  private static final PodView P1 = pod("team", "p1", "vm-1", "s1");
  private static final PodView P2 = pod("team", "p2", "vm-1", "s1");

  /** One vm-1 node, identity id1, binding b1 selecting s1. */
  private static SnapshotBuilder base() {
    return new SnapshotBuilder().node("vm-1", vmNode("vm-1")).node("vm-2", vmNode("vm-2")).identity(ID1).binding(B1);
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        row("a scheduled labelled pod gets a Created assigned identity in default and its identity on the VM",
            () -> base().pod(P1), ORIGINAL,
            "vm-1 +id1", "vm-1 create default/p1-team-id1"),
        row("an unscheduled pod is skipped", () -> base().pod(pod("team", "p1", "", "s1")), ORIGINAL),
        row("a pod without the label is skipped", () -> base().pod(pod("team", "p1", "vm-1", "")), ORIGINAL),
        row("a pod whose label matches no binding selector is skipped",
            () -> base().pod(pod("team", "p1", "vm-1", "S1")), ORIGINAL),
        row("a binding naming a missing identity is reported once and skipped",
            () -> base().binding(binding("team", "b2", "gone", "s1")).pod(P1).pod(P2), ORIGINAL,
            "note identity not found team/b2", "vm-1 +id1", "vm-1 create default/p1-team-id1",
            "vm-1 create default/p2-team-id1"),
        row("the binding resolves its identity in the binding's own namespace",
            () -> base().binding(binding("other", "b9", "id1", "s1")).pod(P1), ORIGINAL,
            "note identity not found other/b9", "vm-1 +id1", "vm-1 create default/p1-team-id1"),
        row("non-namespaced: any pod namespace matches any binding namespace",
            () -> base().pod(pod("elsewhere", "p1", "vm-1", "s1")), ORIGINAL,
            "vm-1 +id1", "vm-1 create default/p1-elsewhere-id1"),
        row("namespaced mode: identity, binding and pod must share a namespace",
            () -> base().pod(pod("elsewhere", "p1", "vm-1", "s1")), NAMESPACED),
        row("namespaced mode: the assigned identity lives in the identity's namespace",
            () -> base().pod(P1), NAMESPACED,
            "vm-1 +id1", "vm-1 create team/p1-team-id1"),
        row("an identity annotated namespaced only serves its own namespace",
            () -> new SnapshotBuilder().node("vm-1", vmNode("vm-1")).identity(namespacedUserAssigned("team", "id1"))
                .binding(B1).pod(pod("elsewhere", "p1", "vm-1", "s1")).pod(P1), ORIGINAL,
            "vm-1 +id1", "vm-1 create team/p1-team-id1"),
        row("same identity name in two namespaces: the first binding by namespace wins, with a note (#1065)",
            () -> base().identity(userAssigned("zeta", "id1")).binding(binding("zeta", "b1", "id1", "s1")).pod(P1),
            ORIGINAL,
            "note name conflict kept team/id1 ignored zeta/b1", "vm-1 +id1", "vm-1 create default/p1-team-id1"),
        row("a pod with two bindings on its selector gets both identities",
            () -> base().identity(userAssigned("team", "id2")).binding(binding("team", "b2", "id2", "s1")).pod(P1),
            ORIGINAL,
            "vm-1 +id1", "vm-1 +id2", "vm-1 create default/p1-team-id1", "vm-1 create default/p1-team-id2"),
        row("a service principal identity needs no VM change",
            () -> new SnapshotBuilder().node("vm-1", vmNode("vm-1")).identity(servicePrincipal("team", "sp"))
                .binding(binding("team", "b1", "sp", "s1")).pod(P1), ORIGINAL,
            "vm-1 create default/p1-team-sp"),
        row("an Assigned match needs nothing",
            () -> base().pod(P1).assigned(assigned(P1, ID1, B1, ASSIGNED)), ORIGINAL),
        row("a Created match is confirmed again (the assignment is retried)",
            () -> base().pod(P1).assigned(assigned(P1, ID1, B1, CREATED)), ORIGINAL,
            "vm-1 +id1", "vm-1 confirm default/p1-team-id1"),
        row("an Unassigned match that is wanted again is re-attached",
            () -> base().pod(P1).assigned(assigned(P1, ID1, B1, UNASSIGNED)), ORIGINAL,
            "vm-1 +id1", "vm-1 confirm default/p1-team-id1"),
        row("a written identity (new resourceVersion) updates the assignment: old detached, new attached",
            () -> base().pod(P1).assigned(assigned(P1, ID1, B1, ASSIGNED))
                .identity(userAssigned("team", "id1", "2")), ORIGINAL,
            "vm-1 +id1", "vm-1 -id1", "vm-1 update default/p1-team-id1 on vm-1"),
        row("a written binding updates the assignment",
            () -> base().pod(P1).assigned(assigned(P1, ID1, B1, ASSIGNED))
                .binding(new IdentityBinding(B1.ref(), "5", "id1", "s1")), ORIGINAL,
            "vm-1 +id1", "vm-1 -id1", "vm-1 update default/p1-team-id1 on vm-1"),
        row("a pod that moved to another VM is updated: detached from the old VM, attached to the new",
            () -> base().pod(pod("team", "p1", "vm-2", "s1")).assigned(assigned(P1, ID1, B1, ASSIGNED)), ORIGINAL,
            "vm-1 -id1", "vm-2 +id1", "vm-2 update default/p1-team-id1 on vm-2"),
        row("a deleted pod's Assigned identity is detached and its assigned identity removed",
            () -> base().assigned(assigned(P1, ID1, B1, ASSIGNED)), ORIGINAL,
            "vm-1 -id1", "vm-1 remove default/p1-team-id1"),
        row("a deleted pod's Created assigned identity is removed without detaching (never attached)",
            () -> base().assigned(assigned(P1, ID1, B1, CREATED)), ORIGINAL,
            "vm-1 remove default/p1-team-id1"),
        row("an assigned identity without status (before v1.5) counts as Assigned",
            () -> base().assigned(assigned(P1, ID1, B1, LEGACY_UNSET)), ORIGINAL,
            "vm-1 -id1", "vm-1 remove default/p1-team-id1"),
        row("a service principal's assigned identity is removed without a VM change",
            () -> base().identity(servicePrincipal("team", "sp"))
                .assigned(assigned(P1, servicePrincipal("team", "sp"), binding("team", "b1", "sp", "s1"), ASSIGNED)),
            ORIGINAL,
            "vm-1 remove default/p1-team-sp"),
        row("an immutable identity (by client ID, any case) is never detached",
            () -> base().assigned(assigned(P1, ID1, B1, ASSIGNED)),
            new PlannerSettings(false, Set.of(clientIdOf("id1").value().toUpperCase()), false),
            "vm-1 remove default/p1-team-id1"),
        row("an identity another pod on the same VM uses stays",
            () -> base().pod(P2).assigned(assigned(P1, ID1, B1, ASSIGNED)).assigned(assigned(P2, ID1, B1, ASSIGNED)),
            ORIGINAL,
            "vm-1 remove default/p1-team-id1"),
        row("an identity a pod on another VM uses is still detached from this VM",
            () -> base().pod(pod("team", "p2", "vm-2", "s1")).assigned(assigned(P1, ID1, B1, ASSIGNED))
                .assigned(assigned(pod("team", "p2", "vm-2", "s1"), ID1, B1, ASSIGNED)), ORIGINAL,
            "vm-1 -id1", "vm-1 remove default/p1-team-id1"),
        row("an identity a pod on another instance of the same scale set uses stays",
            () -> base().node("ss-0", scaleSetNode("ss", "0")).node("ss-1", scaleSetNode("ss", "1"))
                .pod(pod("team", "p2", "ss-1", "s1"))
                .assigned(assigned(pod("team", "p1", "ss-0", "s1"), ID1, B1, ASSIGNED))
                .assigned(assigned(pod("team", "p2", "ss-1", "s1"), ID1, B1, ASSIGNED)), ORIGINAL,
            "ss remove default/p1-team-id1"),
        row("pods on two instances of a scale set make one batch for the scale set",
            () -> base().node("ss-0", scaleSetNode("ss", "0")).node("ss-1", scaleSetNode("ss", "1"))
                .pod(pod("team", "p1", "ss-0", "s1")).pod(pod("team", "p2", "ss-1", "s1")), ORIGINAL,
            "ss +id1", "ss create default/p1-team-id1", "ss create default/p2-team-id1"),
        row("simultaneous add and delete on one VM: both in one batch",
            () -> base().identity(userAssigned("team", "id2")).binding(binding("team", "b2", "id2", "s2"))
                .pod(pod("team", "p2", "vm-1", "s2")).assigned(assigned(P1, ID1, B1, ASSIGNED)), ORIGINAL,
            "vm-1 +id2", "vm-1 -id1", "vm-1 create default/p2-team-id2", "vm-1 remove default/p1-team-id1"),
        row("a relabelled pod loses the old identity and gets the new one",
            () -> base().identity(userAssigned("team", "id2")).binding(binding("team", "b2", "id2", "s2"))
                .pod(pod("team", "p1", "vm-1", "s2")).assigned(assigned(P1, ID1, B1, ASSIGNED)), ORIGINAL,
            "vm-1 +id2", "vm-1 -id1", "vm-1 create default/p1-team-id2", "vm-1 remove default/p1-team-id1"),
        row("the assigned identities of a node that no longer exists are orphans, removed without ARM",
            () -> base().assigned(assigned(pod("team", "p1", "gone", "s1"), ID1, B1, ASSIGNED)), ORIGINAL,
            "orphan default/p1-team-id1"),
        row("a pod on a node that no longer exists gets nothing new",
            () -> base().pod(pod("team", "p1", "gone", "s1")), ORIGINAL),
        row("a pod on a node with an unreadable providerID is held back with a note",
            () -> base().node("odd", new NodePlacement.Unplaceable("providerID \"x\" is bad"))
                .pod(pod("team", "p1", "odd", "s1")), ORIGINAL,
            "note node not placeable odd for team/p1"),
        row("assigned identities on a node with an unreadable providerID are kept as they are",
            () -> base().node("odd", new NodePlacement.Unplaceable("bad"))
                .assigned(assigned(pod("team", "p1", "odd", "s1"), ID1, B1, ASSIGNED)), ORIGINAL),
        row("a finished pod keeps its identity like the original by default",
            () -> base().pod(new PodView(new PodRef("team", "p1"), "vm-1", "s1", true))
                .assigned(assigned(P1, ID1, B1, ASSIGNED)), ORIGINAL),
        row("a finished pod releases its identity when finished pods are released",
            () -> base().pod(new PodView(new PodRef("team", "p1"), "vm-1", "s1", true))
                .assigned(assigned(P1, ID1, B1, ASSIGNED)), RELEASING,
            "vm-1 -id1", "vm-1 remove default/p1-team-id1"),
        row("a deleted identity removes every assignment made from it",
            () -> new SnapshotBuilder().node("vm-1", vmNode("vm-1")).binding(B1).pod(P1)
                .assigned(assigned(P1, ID1, B1, ASSIGNED)), ORIGINAL,
            "note identity not found team/b1", "vm-1 -id1", "vm-1 remove default/p1-team-id1"),
        row("a deleted binding removes every assignment made through it",
            () -> new SnapshotBuilder().node("vm-1", vmNode("vm-1")).identity(ID1).pod(P1)
                .assigned(assigned(P1, ID1, B1, ASSIGNED)), ORIGINAL,
            "vm-1 -id1", "vm-1 remove default/p1-team-id1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void plansByTheOriginalsRules(String rule, Supplier<SnapshotBuilder> cluster, PlannerSettings settings,
      List<String> expected) {
    AssignmentPlan plan = AssignmentPlanner.plan(cluster.get().build(), settings);

    assertThat(PlanText.of(plan)).as(rule).containsExactlyElementsOf(expected.stream().sorted().toList());
  }

  private static Arguments row(String rule, Supplier<SnapshotBuilder> cluster, PlannerSettings settings,
      String... expected) {
    return Arguments.of(rule, cluster, settings, List.of(expected));
  }
}
