package io.podidentity.mic.reconcile;

import static io.podidentity.common.model.AssignmentState.ASSIGNED;
import static io.podidentity.common.model.AssignmentState.CREATED;
import static io.podidentity.common.testing.ModelFixtures.binding;
import static io.podidentity.common.testing.ModelFixtures.idOf;
import static io.podidentity.common.testing.ModelFixtures.pod;
import static io.podidentity.common.testing.ModelFixtures.scaleSetNode;
import static io.podidentity.common.testing.ModelFixtures.scaleSetTarget;
import static io.podidentity.common.testing.ModelFixtures.servicePrincipal;
import static io.podidentity.common.testing.ModelFixtures.userAssigned;
import static io.podidentity.common.testing.ModelFixtures.vmNode;
import static io.podidentity.common.testing.ModelFixtures.vmTarget;
import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.plan.HolderIdentity;
import io.podidentity.common.plan.PodView;
import io.podidentity.common.port.ArmFailure;
import io.podidentity.common.port.ClusterEvent;
import io.podidentity.common.testing.ArmCall;
import io.podidentity.common.testing.StoreCall;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The original's MIC unit scenarios (§5.3, pkg/mic), run through one sync at a time on fakes. */
class AssignmentReconcilerTest {
  private static final AzureIdentity ID1 = userAssigned("team", "id1");
  private static final PodView P1 = pod("team", "p1", "vm-1", "s1");
  private static final ObjectRef AAI1 = new ObjectRef("default", "p1-team-id1");

  private ReconcileHarness mic = new ReconcileHarness();

  @AfterEach
  void close() {
    mic.close();
  }

  private void world() {
    mic.cluster.node("vm-1", vmNode("vm-1")).node("vm-2", vmNode("vm-2")).identity(ID1)
        .binding(binding("team", "b1", "id1", "s1"));
  }

  private AssignmentState state(ObjectRef ref) {
    return mic.store.get(ref).map(AssignedIdentity::state).orElse(null);
  }

  @Test
  void createsAssignsAndDeletes() {
    world();
    mic.cluster.pod(P1);

    mic.sync();

    assertThat(state(AAI1)).isEqualTo(ASSIGNED);
    assertThat(mic.arm.has(vmTarget("vm-1"), idOf(ID1))).isTrue();
    assertThat(mic.events.withReason("binding applied")).extracting(ClusterEvent::message)
        .containsExactly("Binding b1 applied on node vm-1 for pod p1-team-id1");
    assertThat(mic.store.calls()).containsExactly(new StoreCall.Create(AAI1), new StoreCall.SetState(AAI1, ASSIGNED));

    mic.cluster.removePod(P1.ref());
    mic.sync();

    assertThat(mic.store.current()).isEmpty();
    assertThat(mic.arm.has(vmTarget("vm-1"), idOf(ID1))).isFalse();
  }

  @Test
  void anUnchangedWorldCostsNoArmCallAndNoWrite() {
    world();
    mic.cluster.pod(P1).pod(pod("team", "p2", "vm-2", "s1"));
    mic.sync();
    mic.clearCalls();

    mic.sync();
    mic.sync();

    assertThat(mic.arm.calls()).isEmpty();
    assertThat(mic.store.calls()).isEmpty();
    assertThat(mic.events.events()).isEmpty();
  }

  @Test
  void aFailedUpdateLeavesCreatedAndTheNextSyncFinishesIt() {
    world();
    mic.cluster.pod(P1);
    mic.arm.failNextPatches(vmTarget("vm-1"), new ArmFailure.Unreachable("connection refused"));

    assertThat(mic.sync()).isPresent();

    assertThat(state(AAI1)).isEqualTo(CREATED);
    assertThat(mic.events.withReason("binding apply error")).extracting(ClusterEvent::message).containsExactly(
        "failed to apply binding team/b1 node vm-1 for pod team/p1, error: connection refused");

    mic.sync();

    assertThat(state(AAI1)).isEqualTo(ASSIGNED);
  }

  @Test
  void aServicePrincipalIsAssignedWithoutCallingArm() {
    mic.cluster.node("vm-1", vmNode("vm-1")).identity(servicePrincipal("team", "sp"))
        .binding(binding("team", "b1", "sp", "s1")).pod(P1);

    mic.sync();

    assertThat(state(new ObjectRef("default", "p1-team-sp"))).isEqualTo(ASSIGNED);
    assertThat(mic.arm.calls()).isEmpty();
  }

  @Test
  void anIdentityChangedInPlaceIsReassigned() {
    world();
    mic.cluster.pod(P1);
    mic.sync();
    AzureIdentity changed = AzureIdentity.userAssigned(ID1.ref(), "2", ID1.clientId(),
        io.podidentity.common.testing.UserAssignedIdentityIds.named("id1-new"), false);
    mic.cluster.identity(changed);

    mic.sync();

    AssignedIdentity updated = mic.store.get(AAI1).orElseThrow();
    assertThat(updated.identity().resourceVersion()).isEqualTo("2");
    assertThat(updated.state()).isEqualTo(ASSIGNED);
    assertThat(mic.arm.has(vmTarget("vm-1"), idOf(changed))).isTrue();
    assertThat(mic.arm.has(vmTarget("vm-1"), idOf(ID1))).isFalse();
  }

  @Test
  void aPodRecreatedOnAnotherNodeMovesItsIdentity() {
    world();
    mic.cluster.pod(P1);
    mic.sync();

    mic.cluster.pod(pod("team", "p1", "vm-2", "s1"));
    mic.sync();

    assertThat(mic.store.get(AAI1).orElseThrow().nodeName()).isEqualTo("vm-2");
    assertThat(state(AAI1)).isEqualTo(ASSIGNED);
    assertThat(mic.arm.has(vmTarget("vm-2"), idOf(ID1))).isTrue();
    assertThat(mic.arm.has(vmTarget("vm-1"), idOf(ID1))).isFalse();
  }

  @Test
  void addsAndDeletesOnOneNodeInOneUpdate() {
    world();
    AzureIdentity id2 = userAssigned("team", "id2");
    mic.cluster.identity(id2).binding(binding("team", "b2", "id2", "s2")).pod(P1);
    mic.sync();
    mic.clearCalls();

    mic.cluster.removePod(P1.ref()).pod(pod("team", "p2", "vm-1", "s2"));
    mic.sync();

    assertThat(mic.arm.patches()).hasSize(1);
    assertThat(mic.arm.has(vmTarget("vm-1"), idOf(id2))).isTrue();
    assertThat(mic.arm.has(vmTarget("vm-1"), idOf(ID1))).isFalse();
    assertThat(mic.store.current()).extracting(a -> a.ref().name()).containsExactly("p2-team-id2");
  }

  @Test
  void scaleSetInstancesShareOneUpdateAndKeepAnIdentityStillInUse() {
    world();
    mic.cluster.node("ss-0", scaleSetNode("ss", "0")).node("ss-1", scaleSetNode("ss", "1"))
        .pod(pod("team", "a", "ss-0", "s1")).pod(pod("team", "b", "ss-1", "s1"));

    mic.sync();

    assertThat(mic.arm.patches()).extracting(ArmCall::target).containsExactly(scaleSetTarget("ss"));
    mic.cluster.removePod(new PodRef("team", "a"));
    mic.sync();
    assertThat(mic.arm.has(scaleSetTarget("ss"), idOf(ID1))).isTrue();
    assertThat(mic.store.current()).hasSize(1);

    mic.cluster.removePod(new PodRef("team", "b"));
    mic.sync();
    assertThat(mic.arm.has(scaleSetTarget("ss"), idOf(ID1))).isFalse();
  }

  @Test
  void immutableIdentitiesStayOnTheScaleSet() {
    world();
    mic.immutable.add(ID1.clientId().value());
    mic.cluster.node("ss-0", scaleSetNode("ss", "0")).pod(pod("team", "a", "ss-0", "s1"));
    mic.sync();

    mic.cluster.removePod(new PodRef("team", "a"));
    mic.sync();

    assertThat(mic.store.current()).isEmpty();
    assertThat(mic.arm.has(scaleSetTarget("ss"), idOf(ID1))).isTrue();
  }

  @Test
  void stateFlowSurvivesCloudAndApiFailuresOnRemoval() {
    world();
    mic.cluster.pod(P1);
    mic.sync();
    mic.cluster.removePod(P1.ref());

    mic.arm.failNextPatches(vmTarget("vm-1"), new ArmFailure.Unreachable("timeout"));
    mic.sync();
    assertThat(state(AAI1)).as("cloud failure on removal keeps Assigned").isEqualTo(ASSIGNED);

    mic.store.failNext(StoreCall.Operation.DELETE, "500 etcd timeout");
    mic.sync();
    assertThat(state(AAI1)).as("API failure on delete leaves Unassigned").isEqualTo(AssignmentState.UNASSIGNED);
    assertThat(mic.arm.has(vmTarget("vm-1"), idOf(ID1))).isFalse();

    mic.sync();
    assertThat(mic.store.current()).isEmpty();
  }

  @Test
  void aVanishedNodeLosesItsAssignedIdentitiesWithoutArm() {
    world();
    for (int i = 0; i < 5; i++) {
      mic.cluster.node("n" + i, vmNode("n" + i)).pod(pod("team", "p" + i, "n" + i, "s1"));
    }
    mic.sync();
    mic.clearCalls();
    for (int i = 0; i < 5; i++) {
      mic.cluster.removeNode("n" + i).removePod(new PodRef("team", "p" + i));
    }

    mic.sync();

    assertThat(mic.store.current()).isEmpty();
    assertThat(mic.arm.calls()).isEmpty();
    assertThat(mic.events.withReason("binding removed")).hasSize(5).extracting(ClusterEvent::message)
        .contains("Binding b1 removed from node n0 for pod p0");
  }

  @Test
  void aBadIdentityDoesNotHoldBackAGoodOneOnTheSameVm() {
    world();
    AzureIdentity bad = userAssigned("team", "missing");
    mic.arm.makeMissing(idOf(bad));
    mic.cluster.identity(bad).binding(binding("team", "b2", "missing", "s2")).pod(P1)
        .pod(pod("team", "p2", "vm-1", "s2"));

    mic.sync();

    assertThat(state(AAI1)).isEqualTo(ASSIGNED);
    assertThat(state(new ObjectRef("default", "p2-team-missing"))).isEqualTo(CREATED);
    assertThat(mic.arm.patches()).hasSize(2);
    assertThat(mic.events.withReason("identity quarantined")).hasSize(1);
    assertThat(mic.events.withReason("binding apply error")).singleElement().extracting(ClusterEvent::message)
        .asString().startsWith("failed to apply binding team/b2 node vm-1 for pod team/p2, error: Identity (s)");
  }

  @Test
  void aQuarantinedIdentityIsLeftOutOfLaterUpdates() {
    world();
    AzureIdentity bad = userAssigned("team", "missing");
    mic.arm.makeMissing(idOf(bad));
    mic.cluster.identity(bad).binding(binding("team", "b2", "missing", "s2")).pod(pod("team", "p2", "vm-1", "s2"));
    mic.sync();
    mic.clearCalls();

    Duration next = mic.sync().orElseThrow();

    assertThat(mic.arm.calls()).isEmpty();
    assertThat(mic.events.events()).isEmpty();
    assertThat(next).isLessThanOrEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void withoutIsolationBadIdentitiesAreRetriedAsTheOriginalDid() {
    mic.close();
    mic = new ReconcileHarness("mic.isolate-failing-identities", "false", "mic.update-user-msi-retry-interval", "10ms");
    world();
    AzureIdentity bad = userAssigned("team", "missing");
    mic.arm.makeMissing(idOf(bad));
    mic.cluster.identity(bad).binding(binding("team", "b2", "missing", "s2")).pod(P1)
        .pod(pod("team", "p2", "vm-1", "s2"));

    mic.sync();

    assertThat(state(AAI1)).isEqualTo(ASSIGNED);
    assertThat(state(new ObjectRef("default", "p2-team-missing"))).isEqualTo(CREATED);
    assertThat(mic.events.withReason("identity quarantined")).isEmpty();
    mic.clearCalls();
    mic.sync();
    assertThat(mic.arm.patches()).as("tried again every sync").isNotEmpty();
  }

  @Test
  void aThrottledTargetIsLeftAloneUntilArmSaysSo() {
    world();
    mic.cluster.pod(P1);
    mic.arm.failNextReads(vmTarget("vm-1"), new ArmFailure.Throttled(Duration.ofSeconds(7), "429"));

    Duration next = mic.sync().orElseThrow();

    assertThat(next).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    assertThat(state(AAI1)).isEqualTo(CREATED);
    assertThat(mic.arm.patches()).isEmpty();
  }

  @Test
  void aFailedCreateAttachesNothing() {
    world();
    mic.cluster.pod(P1);
    mic.store.failNext(StoreCall.Operation.CREATE, "403 Forbidden");

    mic.sync();

    assertThat(mic.arm.calls()).isEmpty();
    assertThat(mic.events.withReason("binding apply error")).extracting(ClusterEvent::message).containsExactly(
        "failed to create AzureAssignedIdentity p1-team-id1/default for pod team/p1, error: 403 Forbidden");
  }

  @Test
  void aFailedStatusUpdateIsReportedOnTheAssignedIdentityAndRetried() {
    world();
    mic.cluster.pod(P1);
    mic.store.failNext(StoreCall.Operation.SET_STATE, "409 Conflict");

    assertThat(mic.sync()).isPresent();
    assertThat(mic.events.withReason("status update error")).extracting(ClusterEvent::message).containsExactly(
        "failed to update AzureAssignedIdentity default/p1-team-id1 status to Assigned for pod p1, error: 409 Conflict");

    mic.sync();
    assertThat(state(AAI1)).isEqualTo(ASSIGNED);
  }

  @Test
  void keepsTheSystemAssignedIdentityAndOthersMicDidNotPut() {
    world();
    String manual = io.podidentity.common.testing.UserAssignedIdentityIds.named("manual").toString();
    mic.arm.put(vmTarget("vm-1"), new HolderIdentity("SystemAssigned, UserAssigned", Set.of(manual)));
    mic.cluster.pod(P1);
    mic.sync();

    mic.cluster.removePod(P1.ref());
    mic.sync();

    HolderIdentity after = mic.arm.identity(vmTarget("vm-1"));
    assertThat(after.hasSystemAssigned()).isTrue();
    assertThat(after.userAssignedIds()).containsExactly(manual);
  }

  @Test
  void finishedPodsReleaseTheirIdentities() {
    world();
    mic.cluster.pod(P1);
    mic.sync();

    mic.cluster.pod(new PodView(P1.ref(), "vm-1", "s1", true));
    mic.sync();

    assertThat(mic.store.current()).isEmpty();
    assertThat(mic.arm.has(vmTarget("vm-1"), idOf(ID1))).isFalse();
  }

  @Test
  void reportsEachProblemOnceWhileItLasts() {
    world();
    mic.problems.add(new Problem(io.podidentity.common.port.EventTarget.identity(new ObjectRef("team", "bad")),
        Problem.INVALID_IDENTITY, "AzureIdentity team/bad: spec.type 7 is not 0, 1 or 2"));

    mic.sync();
    mic.sync();

    assertThat(mic.events.withReason(Problem.INVALID_IDENTITY)).hasSize(1);
    mic.problems.clear();
    mic.sync();
    mic.problems.add(new Problem(io.podidentity.common.port.EventTarget.identity(new ObjectRef("team", "bad")),
        Problem.INVALID_IDENTITY, "AzureIdentity team/bad: spec.type 7 is not 0, 1 or 2"));
    mic.sync();
    assertThat(mic.events.withReason(Problem.INVALID_IDENTITY)).hasSize(2);
  }
}
