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
import java.util.stream.IntStream;
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
  void keepsTheLeaseWhileABurstOfPacedWritesQueues() {
    it.boundIdentity("app", "keyvault-identity");
    MicIntegration.RunningMic a = it.startMic("mic-a", "mic.client-qps", "1");
    await().atMost(WAIT).until(() -> a.runtime().status().syncLoopRunning());
    for (int i = 0; i < 20; i++) {
      it.cluster.pod("app", "burst-" + i, "vmss-" + i % 3, "keyvault-identity-selector");
    }
    String renewed = lease(a).getAsJsonObject("spec").get("renewTime").getAsString();

    // about 40 writes at one per second: the renew deadline (1 s) passes many times while they queue
    await().during(Duration.ofSeconds(8)).atMost(WAIT)
        .until(() -> a.exits().get() == 0 && a.runtime().status().leader());
    assertThat(lease(a).getAsJsonObject("spec").get("renewTime").getAsString()).isNotEqualTo(renewed);
    assertThat(IntStream.range(0, 20).filter(i -> it.cluster.state("default",
        aai("burst-" + i, "app", "keyvault-identity")).filter("Assigned"::equals).isPresent()).count())
        .as("writes still queued behind the pacing").isLessThan(20);
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
