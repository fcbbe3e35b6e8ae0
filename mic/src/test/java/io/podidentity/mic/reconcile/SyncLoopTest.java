package io.podidentity.mic.reconcile;

import static io.podidentity.common.model.AssignmentState.ASSIGNED;
import static io.podidentity.common.testing.ModelFixtures.binding;
import static io.podidentity.common.testing.ModelFixtures.idOf;
import static io.podidentity.common.testing.ModelFixtures.pod;
import static io.podidentity.common.testing.ModelFixtures.userAssigned;
import static io.podidentity.common.testing.ModelFixtures.vmNode;
import static io.podidentity.common.testing.ModelFixtures.vmTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.port.ArmFailure;
import io.podidentity.common.testing.ArmCall;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop: retries unfinished work by itself, repairs drift on its interval, and survives a throwing sync. */
class SyncLoopTest {
  private static final AzureIdentity ID1 = userAssigned("team", "id1");
  private ReconcileHarness mic;

  @AfterEach
  void close() {
    mic.close();
  }

  private void world(String... overrides) {
    mic = new ReconcileHarness(overrides);
    mic.cluster.node("vm-1", vmNode("vm-1")).identity(ID1).binding(binding("team", "b1", "id1", "s1"))
        .pod(pod("team", "p1", "vm-1", "s1"));
  }

  @Test
  void retriesAFailedRemovalWithoutAnyNewEvent() {
    world();
    mic.reconciliation.loop().start();
    await().until(() -> mic.store.get(new ObjectRef("default", "p1-team-id1")).map(a -> a.state() == ASSIGNED)
        .orElse(false));
    mic.arm.failNextPatches(vmTarget("vm-1"), new ArmFailure.Unreachable("down"), new ArmFailure.Unreachable("down"));

    mic.cluster.removePod(new io.podidentity.common.model.PodRef("team", "p1"));
    mic.reconciliation.loop().onChange();

    await().atMost(Duration.ofSeconds(10)).until(() -> mic.store.current().isEmpty());
    assertThat(mic.arm.has(vmTarget("vm-1"), idOf(ID1))).isFalse();
  }

  @Test
  void putsBackAnIdentityDetachedBehindItsBack() {
    world("mic.identity-assignment-reconcile-interval", "100ms");
    mic.reconciliation.loop().start();
    await().until(() -> mic.arm.has(vmTarget("vm-1"), idOf(ID1)));
    mic.arm.clearCalls();

    mic.arm.detachOutOfBand(vmTarget("vm-1"), idOf(ID1));

    await().atMost(Duration.ofSeconds(10)).until(() -> mic.arm.has(vmTarget("vm-1"), idOf(ID1)));
    assertThat(mic.arm.patches()).extracting(p -> p.patch().userAssignedIdentities().values())
        .allSatisfy(values -> assertThat(values).containsOnly(true));
  }

  @Test
  void driftRepairOnlyAdds() {
    world();
    mic.sync();
    String manual = io.podidentity.common.testing.UserAssignedIdentityIds.named("manual").toString();
    mic.arm.put(vmTarget("vm-1"), new io.podidentity.common.plan.HolderIdentity("UserAssigned",
        java.util.Set.of(manual)));
    mic.arm.clearCalls();

    assertThat(mic.reconciliation.drift().reconcile()).isEqualTo(1);

    assertThat(mic.arm.identity(vmTarget("vm-1")).userAssignedIds()).hasSize(2).contains(manual);
    assertThat(mic.arm.calls()).hasSize(2).first().isInstanceOf(ArmCall.Read.class);
  }
}
