package io.podidentity.mic.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podidentity.azuresim.world.UserAssignedIdentity;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pods that Succeeded or Failed release their identities (issue #637), unless switched back to the original. */
class FinishedPodsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private MicIntegration it;
  private UserAssignedIdentity id;

  @BeforeEach
  void start() {
    it = new MicIntegration();
    it.cluster.namespace("app");
    id = it.boundIdentity("app", "job-identity");
    it.cluster.pod("app", "job", "vm-0", "job-identity-selector");
  }

  @AfterEach
  void stop() {
    it.close();
  }

  @Test
  void aSucceededPodReleasesItsIdentity() {
    it.startMic("mic-a");
    it.awaitState("job", "app", "job-identity", "Assigned");

    it.cluster.phase("app", "job", "Succeeded");

    await().atMost(WAIT).until(() -> it.cluster.assignedIdentities().isEmpty());
    await().atMost(WAIT).until(() -> !it.cloud.has(it.cloud.vm("aks-agent-vm-0"), id));
  }

  @Test
  void theOriginalKeptItUntilThePodWasDeleted() {
    MicIntegration.RunningMic mic = it.startMic("mic-a", "mic.release-finished-pods", "false");
    it.awaitState("job", "app", "job-identity", "Assigned");

    it.cluster.phase("app", "job", "Failed");

    mic.runtime().reconciliation().loop().onChange();
    await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> it.cluster.assignedIdentities().size() == 1);
    assertThat(it.cloud.has(it.cloud.vm("aks-agent-vm-0"), id)).isTrue();
  }
}
