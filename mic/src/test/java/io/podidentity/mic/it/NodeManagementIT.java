package io.podidentity.mic.it;

import static io.podidentity.mic.it.MicIntegration.aai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podidentity.azuresim.world.MachineIdentity;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The original's VM and scale-set scenarios (§5.2: 8 to 13). */
class NodeManagementIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private MicIntegration it;

  @BeforeEach
  void start() {
    it = new MicIntegration();
    it.cluster.namespace("app");
  }

  @AfterEach
  void stop() {
    it.close();
  }

  @Test
  void keepsAnIdentityAnotherPodOnTheScaleSetStillUses() {
    UserAssignedIdentity id = it.boundIdentity("app", "keyvault-identity");
    it.cluster.pod("app", "a", "vmss-0", "keyvault-identity-selector");
    it.cluster.pod("app", "b", "vmss-1", "keyvault-identity-selector");
    it.startMic("mic-a");
    it.awaitState("a", "app", "keyvault-identity", "Assigned");
    it.awaitState("b", "app", "keyvault-identity", "Assigned");

    it.cluster.deletePod("app", "a");

    await().atMost(WAIT).until(() -> it.cluster.assignedIdentities().size() == 1);
    assertThat(it.cloud.has(it.cloud.scaleSet(), id)).isTrue();
  }

  @Test
  void deletesTheAssignedIdentityEvenWhenTheIdentityWasRemovedFromTheNodeOutOfBand() {
    UserAssignedIdentity id = it.boundIdentity("app", "keyvault-identity");
    it.cluster.pod("app", "a", "vm-0", "keyvault-identity-selector");
    it.startMic("mic-a");
    it.awaitState("a", "app", "keyvault-identity", "Assigned");
    it.cloud.world.compute().updateVm(it.cloud.vm("aks-agent-vm-0"), vm -> vm.withIdentity(MachineIdentity.NONE));

    it.cluster.deletePod("app", "a");

    await().atMost(WAIT).until(() -> it.cluster.assignedIdentities().isEmpty());
    assertThat(it.cloud.has(it.cloud.vm("aks-agent-vm-0"), id)).isFalse();
  }

  @Test
  void leavesTheSystemAssignedIdentityAlone() {
    it.boundIdentity("app", "keyvault-identity");
    MachineIdentity before = it.cloud.identityBlock(it.cloud.vm("aks-agent-vm-1"));
    it.cluster.pod("app", "a", "vm-1", "keyvault-identity-selector");
    it.startMic("mic-a");
    it.awaitState("a", "app", "keyvault-identity", "Assigned");

    it.cluster.deletePod("app", "a");
    await().atMost(WAIT).until(() -> it.cluster.assignedIdentities().isEmpty());

    await().atMost(WAIT).untilAsserted(() -> {
      MachineIdentity after = it.cloud.identityBlock(it.cloud.vm("aks-agent-vm-1"));
      assertThat(after.userAssigned()).isEmpty();
      assertThat(after.system()).isEqualTo(before.system());
    });
  }

  @Test
  void leavesAnIdentityAttachedOutOfBandOnTheVm() {
    UserAssignedIdentity cluster = it.cloud.identity("cluster-identity");
    it.cloud.world.attachIdentity(it.cloud.vm("aks-agent-vm-0"), cluster.id());
    UserAssignedIdentity id = it.boundIdentity("app", "keyvault-identity");
    it.cluster.pod("app", "a", "vm-0", "keyvault-identity-selector");
    it.startMic("mic-a");
    it.awaitState("a", "app", "keyvault-identity", "Assigned");
    assertThat(it.cloud.has(it.cloud.vm("aks-agent-vm-0"), cluster)).isTrue();

    it.cluster.deletePod("app", "a");

    await().atMost(WAIT).until(() -> !it.cloud.has(it.cloud.vm("aks-agent-vm-0"), id));
    assertThat(it.cloud.has(it.cloud.vm("aks-agent-vm-0"), cluster)).isTrue();
  }

  @Test
  void neverDetachesAnImmutableIdentityFromTheScaleSet() {
    UserAssignedIdentity immutable = it.boundIdentity("app", "immutable-identity");
    it.cluster.pod("app", "a", "vmss-0", "immutable-identity-selector");
    it.startMic("mic-a", "mic.immutable-user-msis", immutable.clientId().toUpperCase());
    it.awaitState("a", "app", "immutable-identity", "Assigned");

    it.cluster.deletePod("app", "a");

    await().atMost(WAIT).until(() -> it.cluster.assignedIdentities().isEmpty());
    assertThat(it.cloud.has(it.cloud.scaleSet(), immutable)).isTrue();
  }

  @Test
  void putsBackAnIdentityRemovedManuallyFromTheScaleSet() {
    UserAssignedIdentity id = it.boundIdentity("app", "keyvault-identity");
    it.cluster.pod("app", "a", "vmss-2", "keyvault-identity-selector");
    it.startMic("mic-a", "mic.identity-assignment-reconcile-interval", "1s");
    it.awaitState("a", "app", "keyvault-identity", "Assigned");

    it.cloud.world.compute().updateScaleSet(it.cloud.scaleSet(), ss -> ss.withIdentity(ss.identity()
        .withUserAssigned(java.util.Map.of())));
    assertThat(it.cloud.has(it.cloud.scaleSet(), id)).isFalse();

    await().atMost(WAIT).until(() -> it.cloud.has(it.cloud.scaleSet(), id));
    assertThat(it.cluster.state("default", aai("a", "app", "keyvault-identity"))).contains("Assigned");
  }

  @Test
  void dropsTheAssignedIdentitiesOfAVanishedNodeWithoutCallingArm() {
    it.boundIdentity("app", "keyvault-identity");
    it.cluster.pod("app", "a", "vm-1", "keyvault-identity-selector");
    it.startMic("mic-a");
    it.awaitState("a", "app", "keyvault-identity", "Assigned");
    it.cloud.sim.counters().reset();

    it.cluster.deleteNode("vm-1");
    it.cluster.deletePod("app", "a");

    await().atMost(WAIT).until(() -> it.cluster.assignedIdentities().isEmpty());
    assertThat(it.cloud.sim.counters().snapshot()).doesNotContainKeys("vm_get", "vm_patch");
    await().atMost(WAIT).until(() -> it.cluster.events("app").stream().anyMatch(e -> e.get("message").getAsString()
        .equals("Binding keyvault-identity-binding removed from node vm-1 for pod a")));
  }
}
