package io.podidentity.mic.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cluster that does not change costs no ARM call and no API write, also while the informers resync (the original
 * ran a full cycle for every resync of every identity and binding).
 */
class QuietWorldIT {
  private static final Duration QUIET = Duration.ofSeconds(3);
  private MicIntegration it;

  @BeforeEach
  void start() {
    it = new MicIntegration();
    it.cluster.namespace("app");
    for (int i = 0; i < 3; i++) {
      it.boundIdentity("app", "id-" + i);
      it.cluster.pod("app", "pod-" + i, i == 0 ? "vm-0" : "vmss-" + i, "id-" + i + "-selector");
    }
  }

  @AfterEach
  void stop() {
    it.close();
  }

  private MicIntegration.RunningMic settle(String ignoreResyncs) {
    MicIntegration.RunningMic mic = it.startMic("mic-a", "mic.pod-resync-period", "300ms", "mic.crd-resync-period",
        "300ms", "mic.ignore-unchanged-resyncs", ignoreResyncs);
    for (int i = 0; i < 3; i++) {
      it.awaitState("pod-" + i, "app", "id-" + i, "Assigned");
    }
    await().pollDelay(Duration.ofMillis(500)).until(() -> true);
    it.cluster.sim.requests().reset();
    it.cloud.sim.counters().reset();
    return mic;
  }

  private void assertNothingWritten() {
    assertThat(it.cluster.sim.requests().writes("azureassignedidentities.aadpodidentity.k8s.io")).isZero();
    assertThat(it.cluster.sim.requests().writes("events")).isZero();
    assertThat(it.cloud.sim.counters().snapshot()).doesNotContainKeys("vmss_get", "vmss_patch", "vm_get", "vm_patch");
  }

  @Test
  void resyncsTriggerNothing() {
    MicIntegration.RunningMic mic = settle("true");
    long syncs = mic.runtime().status().syncs();

    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> mic.runtime().status().syncs() == syncs);

    assertNothingWritten();
  }

  @Test
  void evenASyncPerResyncAsTheOriginalCostsNoCall() {
    MicIntegration.RunningMic mic = settle("false");
    long syncs = mic.runtime().status().syncs();

    await().atMost(QUIET.plusSeconds(5)).until(() -> mic.runtime().status().syncs() > syncs + 2);

    assertNothingWritten();
  }
}
