package io.podidentity.mic.it;

import static io.podidentity.mic.it.MicIntegration.aai;
import static io.podidentity.mic.it.MicIntegration.binding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.common.crd.V1AzureIdentitySpec;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The original's invalid-identity scenarios (§5.2: 18, 19): identities that do not exist in Azure. */
class InvalidIdentitiesIT {
  private static final Duration QUIET = Duration.ofSeconds(2);
  private MicIntegration it;
  private UserAssignedIdentity valid;

  @BeforeEach
  void start() {
    it = new MicIntegration();
    it.cluster.namespace("app");
    valid = it.boundIdentity("app", "keyvault-identity");
    for (int i = 1; i <= 2; i++) {
      String name = "invalid-identity-" + i;
      it.cluster.create(new V1AzureIdentity().metadata(new V1ObjectMeta().namespace("app").name(name))
          .spec(new V1AzureIdentitySpec().type(0).clientID(UUID.randomUUID().toString()).resourceID(
              "/subscriptions/" + it.cloud.subscription.id() + "/resourcegroups/" + SimulatedCloud.IDENTITY_RG
                  + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name)));
      it.cluster.create(binding("app", name + "-binding", name, name + "-selector"));
    }
  }

  @AfterEach
  void stop() {
    it.close();
  }

  private void addPods(String... selectors) {
    for (String selector : selectors) {
      it.cluster.pod("app", selector.replace("-selector", "-pod"), "vmss-0", selector);
    }
  }

  private void assertInvalidStayCreated() {
    await().during(QUIET).atMost(QUIET.plusSeconds(10)).untilAsserted(() -> {
      for (int i = 1; i <= 2; i++) {
        assertThat(it.cluster.state("default", aai("invalid-identity-" + i + "-pod", "app", "invalid-identity-" + i)))
            .contains("Created");
      }
      assertThat(it.cluster.state("default", aai("keyvault-identity-pod", "app", "keyvault-identity")))
          .contains("Assigned");
      assertThat(it.cloud.has(it.cloud.scaleSet(), valid)).isTrue();
    });
  }

  @Test
  void assignsTheValidIdentityWhenABatchHoldsInvalidOnes() {
    it.startMic("mic-a");

    addPods("keyvault-identity-selector", "invalid-identity-1-selector", "invalid-identity-2-selector");

    it.awaitState("keyvault-identity-pod", "app", "keyvault-identity", "Assigned");
    assertInvalidStayCreated();
    assertThat(it.cluster.events("app")).filteredOn(e -> e.get("reason").getAsString().equals("identity quarantined"))
        .extracting(e -> e.getAsJsonObject("involvedObject").get("name").getAsString())
        .contains("invalid-identity-1", "invalid-identity-2");
  }

  @Test
  void assignsTheValidIdentityAsTheOriginalDidWithoutIsolation() {
    it.startMic("mic-a", "mic.isolate-failing-identities", "false", "mic.update-user-msi-retry-interval", "100ms");

    addPods("keyvault-identity-selector", "invalid-identity-1-selector", "invalid-identity-2-selector");

    it.awaitState("keyvault-identity-pod", "app", "keyvault-identity", "Assigned");
    assertInvalidStayCreated();
  }

  @Test
  void doesNotUnassignAnExistingIdentityWhenInvalidOnesArrive() {
    it.startMic("mic-a");
    addPods("keyvault-identity-selector");
    it.awaitState("keyvault-identity-pod", "app", "keyvault-identity", "Assigned");

    addPods("invalid-identity-1-selector", "invalid-identity-2-selector");

    await().atMost(Duration.ofSeconds(30)).until(() -> it.cluster.assignedIdentities().size() == 3);
    assertInvalidStayCreated();
    JsonObject applyErrors = it.cluster.events("app").stream()
        .filter(e -> e.get("reason").getAsString().equals("binding apply error")).findFirst().orElseThrow();
    assertThat(applyErrors.get("type").getAsString()).isEqualTo("Warning");
    assertThat(applyErrors.getAsJsonObject("source").get("component").getAsString()).isEqualTo("aadpodidentity.k8s.io");
  }
}
