package io.podidentity.mic.it;

import static io.podidentity.mic.it.MicIntegration.aai;
import static io.podidentity.mic.it.MicIntegration.binding;
import static io.podidentity.mic.it.MicIntegration.identity;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The original's name-conflict scenario (§5.2: 25): same names in two namespaces, the first namespace wins. */
class NameConflictIT {
  private MicIntegration it;

  @BeforeEach
  void start() {
    it = new MicIntegration();
  }

  @AfterEach
  void stop() {
    it.close();
  }

  @Test
  void usesTheIdentityAndBindingOfTheFirstNamespace() {
    UserAssignedIdentity first = it.cloud.identity("first");
    UserAssignedIdentity second = it.cloud.identity("second");
    for (String ns : new String[] {"ns1", "ns2"}) {
      it.cluster.namespace(ns);
      it.cluster.create(identity(ns, "keyvault-identity", ns.equals("ns1") ? first : second));
      it.cluster.create(binding(ns, "keyvault-identity-binding", "keyvault-identity", "keyvault-identity-selector"));
    }
    it.cluster.pod("ns1", "validator", "vm-0", "keyvault-identity-selector");

    it.startMic("mic-a");

    it.awaitState("validator", "ns1", "keyvault-identity", "Assigned");
    JsonObject spec = it.cluster.assignedIdentity("default", aai("validator", "ns1", "keyvault-identity"))
        .orElseThrow().getAsJsonObject("spec");
    assertThat(spec.getAsJsonObject("azureIdentityRef").getAsJsonObject("metadata").get("namespace").getAsString())
        .isEqualTo("ns1");
    assertThat(spec.getAsJsonObject("azureBindingRef").getAsJsonObject("metadata").get("namespace").getAsString())
        .isEqualTo("ns1");
    assertThat(it.cloud.has(it.cloud.vm("aks-agent-vm-0"), first)).isTrue();
    assertThat(it.cloud.has(it.cloud.vm("aks-agent-vm-0"), second)).isFalse();
    assertThat(it.cluster.events("ns2")).extracting(e -> e.get("reason").getAsString())
        .contains("azure identity name conflict");
  }

  @Test
  void namespacedModeKeepsIdentitiesToTheirNamespaceAndTheAssignedIdentityWithThem() {
    UserAssignedIdentity id = it.cloud.identity("team-identity");
    it.cluster.namespace("team");
    it.cluster.namespace("intruder");
    it.cluster.create(identity("team", "team-identity", id));
    it.cluster.create(binding("team", "team-binding", "team-identity", "team-selector"));
    it.cluster.pod("team", "member", "vm-0", "team-selector");
    it.cluster.pod("intruder", "thief", "vm-1", "team-selector");

    it.startMic("mic-a", "mic.force-namespaced", "true");

    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> it.cluster
        .state("team", aai("member", "team", "team-identity")).equals(java.util.Optional.of("Assigned")));
    assertThat(it.cluster.assignedIdentities()).hasSize(1);
    assertThat(it.cloud.has(it.cloud.vm("aks-agent-vm-1"), id)).isFalse();
  }
}
