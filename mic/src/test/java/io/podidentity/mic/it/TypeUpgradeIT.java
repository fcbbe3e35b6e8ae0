package io.podidentity.mic.it;

import static io.podidentity.mic.it.MicIntegration.aai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v1.6.0 field-name upgrade (§1.6): legacy objects rewritten once, recorded in the ConfigMap, then used. */
class TypeUpgradeIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private MicIntegration it;
  private UserAssignedIdentity legacy;

  @BeforeEach
  void start() {
    it = new MicIntegration();
    it.cluster.namespace("app");
    legacy = it.cloud.identity("legacy");
    it.seedLegacy("app", "legacy", legacy);
  }

  @AfterEach
  void stop() {
    it.close();
  }

  private JsonObject identitySpec() {
    return it.cluster.sim.get("aadpodidentity.k8s.io/v1", "azureidentities", "app", "legacy").getAsJsonObject("spec");
  }

  @Test
  void rewritesLegacyFieldNamesOnceAndRecordsIt() {
    it.cluster.pod("app", "old-app", "vmss-0", "legacy-selector");

    it.startMic("mic-a");

    it.awaitState("old-app", "app", "legacy", "Assigned");
    assertThat(identitySpec().get("clientID").getAsString()).isEqualTo(legacy.clientId());
    assertThat(identitySpec().has("ClientID")).isFalse();
    JsonObject map = it.cluster.sim.get("v1", "configmaps", "mic-system", "aad-pod-identity-config");
    assertThat(map.getAsJsonObject("data").get("type-upgrade-status").getAsString()).isEqualTo("0.1.0");
    assertThat(it.cloud.has(it.cloud.scaleSet(), legacy)).isTrue();
    JsonObject embedded = it.cluster.assignedIdentity("default", aai("old-app", "app", "legacy")).orElseThrow()
        .getAsJsonObject("spec").getAsJsonObject("azureBindingRef").getAsJsonObject("spec");
    assertThat(embedded.get("selector").getAsString()).isEqualTo("legacy-selector");
  }

  @Test
  void skipsTheUpgradeWhenTheConfigMapSaysItRan() throws Exception {
    it.cluster.core.createNamespacedConfigMap("mic-system", new V1ConfigMap().apiVersion("v1").kind("ConfigMap")
        .metadata(new V1ObjectMeta().name("aad-pod-identity-config").namespace("mic-system"))
        .data(Map.of("type-upgrade-status", "1.6.0"))).execute();

    it.startMic("mic-a");

    await().atMost(WAIT).until(() -> it.startedSyncing());
    assertThat(identitySpec().has("ClientID")).isTrue();
    await().atMost(WAIT).until(() -> it.cluster.events("app").stream().anyMatch(e -> e.get("reason").getAsString()
        .equals("invalid azure identity")));
  }
}
