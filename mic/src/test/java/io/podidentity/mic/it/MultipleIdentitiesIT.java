package io.podidentity.mic.it;

import static io.podidentity.mic.it.MicIntegration.aai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podidentity.azuresim.control.FaultRule;
import io.podidentity.azuresim.control.Latency;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The original's multiple-identity scenarios (§5.2: 15, 16, 17). */
class MultipleIdentitiesIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String[] NODES = {"vmss-0", "vmss-1", "vmss-2", "vm-0", "vm-1"};
  private MicIntegration it;
  private final List<UserAssignedIdentity> identities = new ArrayList<>();

  @BeforeEach
  void start() {
    it = new MicIntegration();
    it.cluster.namespace("app");
    for (int i = 0; i < 5; i++) {
      identities.add(it.boundIdentity("app", "keyvault-identity-" + i));
    }
  }

  @AfterEach
  void stop() {
    it.close();
  }

  @Test
  void removesTheRightIdentitiesWhenIdentitiesAreDeletedInRandomOrder() {
    for (int i = 0; i < 5; i++) {
      it.cluster.pod("app", "pod-" + i, "vmss-" + (i % 3), "keyvault-identity-" + i + "-selector");
    }
    it.startMic("mic-a");
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
    Collections.shuffle(order, new Random(1065));
    for (int i = 0; i < 5; i++) {
      it.awaitState("pod-" + i, "app", "keyvault-identity-" + i, "Assigned");
    }

    List<Integer> remaining = new ArrayList<>(order);
    for (int gone : order) {
      it.cluster.deleteIdentity("app", "keyvault-identity-" + gone);
      remaining.remove(Integer.valueOf(gone));

      await().atMost(WAIT).until(() -> it.cluster.assignedIdentities().size() == remaining.size());
      await().atMost(WAIT).until(() -> !it.cloud.has(it.cloud.scaleSet(), identities.get(gone)));
      for (int kept : remaining) {
        assertThat(it.cluster.state("default", aai("pod-" + kept, "app", "keyvault-identity-" + kept)))
            .contains("Assigned");
        assertThat(it.cloud.has(it.cloud.scaleSet(), identities.get(kept))).isTrue();
      }
    }
  }

  @Test
  void assignsFortyPodsOverFiveIdentitiesWithOneSecondArmWrites() {
    it.cloud.sim.faults().add(FaultRule.delay("vmss_patch", new Latency.Fixed(Duration.ofSeconds(1)),
        FaultRule.ALWAYS));
    it.cloud.sim.faults().add(FaultRule.delay("vm_patch", new Latency.Fixed(Duration.ofSeconds(1)),
        FaultRule.ALWAYS));
    it.startMic("mic-a");
    await().atMost(Duration.ofSeconds(60)).until(() -> it.startedSyncing());

    long start = System.nanoTime();
    for (int p = 0; p < 40; p++) {
      it.cluster.pod("app", "pod-" + p, NODES[(p / 5) % NODES.length], "keyvault-identity-" + (p % 5) + "-selector");
    }
    await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(100)).until(() -> it.cluster
        .assignedIdentities().stream().filter(a -> "Assigned".equals(a.getAsJsonObject("status").get("status")
            .getAsString())).count() == 40);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    System.out.printf("scenario 16: 40 pods over 5 identities Assigned in %.1f s (1 s per ARM write; the "
        + "original's bound is 150 s)%n", took.toMillis() / 1000.0);
    for (UserAssignedIdentity id : identities) {
      assertThat(it.cloud.has(it.cloud.scaleSet(), id)).isTrue();
      assertThat(it.cloud.has(it.cloud.vm("aks-agent-vm-0"), id)).isTrue();
    }
  }

  @Test
  void followsAPodThatIsRelabelled() {
    it.cluster.pod("app", "pod", "vm-0", "keyvault-identity-0-selector");
    it.startMic("mic-a");
    it.awaitState("pod", "app", "keyvault-identity-0", "Assigned");

    it.cluster.relabel("app", "pod", "keyvault-identity-1-selector");

    it.awaitState("pod", "app", "keyvault-identity-1", "Assigned");
    await().atMost(WAIT).until(() -> it.cluster.assignedIdentities().size() == 1);
    assertThat(it.cloud.has(it.cloud.vm("aks-agent-vm-0"), identities.get(1))).isTrue();
    await().atMost(WAIT).until(() -> !it.cloud.has(it.cloud.vm("aks-agent-vm-0"), identities.get(0)));
  }
}
