package io.podidentity.mic.it;

import static io.podidentity.mic.it.MicIntegration.aai;
import static io.podidentity.mic.it.MicIntegration.binding;
import static io.podidentity.mic.it.MicIntegration.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.common.crd.V1AzureIdentity;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The original's single-identity end-to-end scenarios (§5.2: 2, 3, 4, 5) with the real clients against both
 * simulators. "Validation" here means the assigned identity is Assigned and the identity is on the right VM or scale
 * set in the Azure simulator; token requests are NMI's business.
 */
class SingleIdentityIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private MicIntegration it;
  private UserAssignedIdentity keyvault;

  @BeforeEach
  void start() {
    it = new MicIntegration();
    keyvault = it.cloud.identity("keyvault-identity");
    it.cluster.namespace("app");
    it.cluster.create(identity("app", "keyvault-identity", keyvault));
    it.cluster.create(binding("app", "keyvault-identity-binding", "keyvault-identity", "keyvault-identity-selector"));
    it.cluster.pod("app", "validator", "vmss-0", "keyvault-identity-selector");
    it.startMic("mic-a");
    awaitAssigned("validator", "keyvault-identity");
    assertThat(it.cloud.has(it.cloud.scaleSet(), keyvault)).isTrue();
  }

  @AfterEach
  void stop() {
    it.close();
  }

  private void awaitAssigned(String pod, String identity) {
    await().atMost(WAIT).until(() -> it.cluster.state("default", aai(pod, "app", identity)),
        s -> s.equals(Optional.of("Assigned")));
  }

  @Test
  void deletesTheAssignedIdentityWhenThePodIsDeleted() {
    it.cluster.deletePod("app", "validator");

    await().atMost(WAIT).until(() -> it.cluster.assignedIdentities().isEmpty());
    await().atMost(WAIT).until(() -> !it.cloud.has(it.cloud.scaleSet(), keyvault));
  }

  @Test
  void removesTheIdentityWhenTheAzureIdentityIsDeleted() {
    it.cluster.deleteIdentity("app", "keyvault-identity");

    await().atMost(WAIT).until(() -> it.cluster.assignedIdentities().isEmpty());
    await().atMost(WAIT).until(() -> !it.cloud.has(it.cloud.scaleSet(), keyvault));
  }

  @Test
  void removesTheIdentityWhenTheBindingIsDeleted() {
    it.cluster.deleteBinding("app", "keyvault-identity-binding");

    await().atMost(WAIT).until(() -> it.cluster.assignedIdentities().isEmpty());
    await().atMost(WAIT).until(() -> !it.cloud.has(it.cloud.scaleSet(), keyvault));
  }

  @Test
  void reassignsWhenTheAzureIdentityIsChangedInPlace() {
    UserAssignedIdentity other = it.cloud.identity("keyvault-identity-0");
    V1AzureIdentity current = it.cluster.readIdentity("app", "keyvault-identity");
    current.getSpec().resourceID(other.id().toString()).clientID(other.clientId());

    it.cluster.update(current);

    await().atMost(WAIT).untilAsserted(() -> {
      JsonObject aai = it.cluster.assignedIdentity("default", aai("validator", "app", "keyvault-identity"))
          .orElseThrow();
      assertThat(aai.getAsJsonObject("status").get("status").getAsString()).isEqualTo("Assigned");
      assertThat(aai.getAsJsonObject("spec").getAsJsonObject("azureIdentityRef").getAsJsonObject("spec")
          .get("clientID").getAsString()).isEqualTo(other.clientId());
      assertThat(it.cloud.has(it.cloud.scaleSet(), other)).isTrue();
      assertThat(it.cloud.has(it.cloud.scaleSet(), keyvault)).isFalse();
    });
  }
}
