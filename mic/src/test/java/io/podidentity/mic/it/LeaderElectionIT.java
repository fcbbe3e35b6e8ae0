package io.podidentity.mic.it;

import static io.podidentity.mic.it.MicIntegration.aai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.control.FaultRule;
import io.podidentity.azuresim.control.Latency;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two MICs on one Lease: one works, the other takes over when it dies (§5.2: 24), and losing the lease exits. */
class LeaderElectionIT {
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

  private JsonObject lease(MicIntegration.RunningMic mic) {
    return it.cluster.sim.get("coordination.k8s.io/v1", "leases", "mic-system",
        mic.settings().leaderElection().name());
  }

  @Test
  void onlyTheLeaseHolderIsActive() {
    MicIntegration.RunningMic a = it.startMic("mic-a");
    await().atMost(WAIT).until(() -> a.runtime().status().syncLoopRunning());
    MicIntegration.RunningMic b = it.startMic("mic-b");

    await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> !b.runtime().status().leader());
    assertThat(lease(a).getAsJsonObject("spec").get("holderIdentity").getAsString()).isEqualTo("mic-a");
    assertThat(a.runtime().status().healthz()).isEqualTo("Active");
    assertThat(b.runtime().status().healthz()).isEqualTo("Not Active");
    assertThat(b.runtime().status().syncs()).isZero();
  }

  @Test
  void theOtherMicFinishesAnAssignmentWhenTheLeaderDiesInTheMiddle() {
    UserAssignedIdentity id = it.boundIdentity("app", "keyvault-identity");
    MicIntegration.RunningMic a = it.startMic("mic-a");
    await().atMost(WAIT).until(() -> a.runtime().status().syncLoopRunning());
    MicIntegration.RunningMic b = it.startMic("mic-b");
    it.cloud.sim.faults().add(FaultRule.delay("vmss_patch", new Latency.Fixed(Duration.ofSeconds(3)), 1));

    it.cluster.pod("app", "validator", "vmss-1", "keyvault-identity-selector");
    await().atMost(WAIT).until(() -> it.cluster.state("default", aai("validator", "app", "keyvault-identity"))
        .isPresent());
    a.runtime().close();

    await().atMost(WAIT).until(() -> b.runtime().status().syncLoopRunning());
    it.awaitState("validator", "app", "keyvault-identity", "Assigned");
    assertThat(it.cloud.has(it.cloud.scaleSet(), id)).isTrue();
    assertThat(lease(b).getAsJsonObject("spec").get("holderIdentity").getAsString()).isEqualTo("mic-b");
  }

  @Test
  void losingTheLeaseEndsTheProcess() {
    MicIntegration.RunningMic a = it.startMic("mic-a");
    await().atMost(WAIT).until(() -> a.runtime().status().leader());

    String path = "/apis/coordination.k8s.io/v1/namespaces/mic-system/leases/" + a.settings().leaderElection().name();
    it.cluster.patch(path, "{\"spec\":{\"holderIdentity\":\"intruder\",\"leaseDurationSeconds\":3600,"
        + "\"renewTime\":\"" + Instant.now().plusSeconds(5).toString().replaceAll("\\.\\d+Z$", ".000000Z") + "\"}}");

    await().atMost(WAIT).until(() -> a.exits().get() == 1);
    assertThat(a.runtime().status().leader()).isFalse();
  }
}
