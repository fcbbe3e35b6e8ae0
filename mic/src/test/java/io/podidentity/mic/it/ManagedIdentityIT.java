package io.podidentity.mic.it;

import static io.podidentity.mic.it.MicIntegration.binding;
import static io.podidentity.mic.it.MicIntegration.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podidentity.azuresim.world.MachineRef;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MIC authenticating to ARM with its node's user-assigned identity through IMDS (at a configured endpoint, here the
 * simulated VM's), and that cluster identity never being detached even when pods use it (§5.2: 14).
 */
class ManagedIdentityIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private MicIntegration it;
  private UserAssignedIdentity agentpool;

  @BeforeEach
  void start() {
    it = new MicIntegration();
    it.cluster.namespace("app");
    agentpool = it.cloud.identity("aks-agentpool");
    it.cloud.world.attachIdentity(it.cloud.vm("aks-agent-vm-0"), agentpool.id());
    it.cloud.world.assignRole(agentpool.principalId(), "Virtual Machine Contributor",
        it.cloud.scope(SimulatedCloud.NODE_RG));
    it.cloud.world.assignRole(agentpool.principalId(), "Managed Identity Operator",
        it.cloud.scope(SimulatedCloud.IDENTITY_RG));
  }

  @AfterEach
  void stop() {
    it.close();
  }

  @Test
  void assignsWithTheNodesManagedIdentityAndNeverDetachesIt() throws Exception {
    Path azureJson = Files.writeString(it.dir.resolve("azure-msi.json"), "{\"cloud\":\"AzureStackCloud\","
        + "\"tenantId\":\"" + it.cloud.tenant.id() + "\",\"subscriptionId\":\"" + it.cloud.subscription.id()
        + "\",\"resourceGroup\":\"node-rg\",\"useManagedIdentityExtension\":true,\"userAssignedIdentityID\":\""
        + agentpool.clientId() + "\"}");
    String imds = it.cloud.sim.imdsEndpoint(MachineRef.vm(it.cloud.vm("aks-agent-vm-0"))).toString();
    it.cluster.create(identity("app", "cluster-identity", agentpool));
    it.cluster.create(binding("app", "cluster-identity-binding", "cluster-identity", "cluster-identity-selector"));
    it.cluster.pod("app", "uses-cluster-identity", "vmss-0", "cluster-identity-selector");

    it.startMic("mic-a", "mic.cloudconfig", azureJson.toString(), "mic.azure.imds-endpoint", imds);

    it.awaitState("uses-cluster-identity", "app", "cluster-identity", "Assigned");
    assertThat(it.cloud.has(it.cloud.scaleSet(), agentpool)).isTrue();
    assertThat(it.cloud.sim.counters().get("imds_token")).isPositive();

    it.cluster.deletePod("app", "uses-cluster-identity");
    await().atMost(WAIT).until(() -> it.cluster.assignedIdentities().isEmpty());
    assertThat(it.cloud.has(it.cloud.scaleSet(), agentpool)).isTrue();
  }
}
