package io.podidentity.mic.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.azuresim.control.FaultEffect;
import io.podidentity.azuresim.control.FaultRule;
import io.podidentity.azuresim.control.Latency;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A throttled scale set waits as long as ARM says, and only it: other VMs go on. */
class ThrottlingIT {
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
  void honoursRetryAfterForTheThrottledScaleSetOnly() {
    UserAssignedIdentity id = it.boundIdentity("app", "keyvault-identity");
    it.cloud.sim.faults().add(new FaultRule("vmss_patch", new Latency.Fixed(java.time.Duration.ZERO),
        new FaultEffect.Respond(429, Map.of("Retry-After", "2"), "{\"error\":{\"code\":\"OperationNotAllowed\","
            + "\"message\":\"The server rejected the request because too many requests have been received for this "
            + "subscription.\"}}"), 1));
    it.startMic("mic-a");

    it.cluster.pod("app", "on-vmss", "vmss-0", "keyvault-identity-selector");
    it.cluster.pod("app", "on-vm", "vm-0", "keyvault-identity-selector");

    it.awaitState("on-vm", "app", "keyvault-identity", "Assigned");
    it.awaitState("on-vmss", "app", "keyvault-identity", "Assigned");
    assertThat(it.cloud.has(it.cloud.scaleSet(), id)).isTrue();
    assertThat(it.cloud.sim.counters().get("vmss_patch")).as("one throttled PATCH, then one after Retry-After")
        .isEqualTo(2);
  }
}
