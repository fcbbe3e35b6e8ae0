package io.podidentity.mic.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.kubesim.ApiAccess;
import io.podidentity.kubesim.rbac.RbacPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, shown both ways: MIC's RBAC in {@code k8s/mic/rbac.yaml} allows every request MIC makes through a
 * whole life (type upgrade, leader election, assignment, change, repeated events, release, deletion), and MIC uses
 * every right it has; a right no scenario needs is a right to remove.
 */
class RbacIT {
  private static final Path RBAC = Path.of("../k8s/mic/rbac.yaml");
  private static final String SERVICE_ACCOUNT = "aad-pod-id-mic-service-account";
  @Test
  void micUsesExactlyTheRightsItsRolesGrant() throws IOException {
    try (MicIntegration it = new MicIntegration()) {
      exercise(it);
    }
  }

  private static void exercise(MicIntegration it) throws IOException {
    it.cluster.namespace("app");
    UserAssignedIdentity legacy = it.cloud.identity("legacy");
    it.seedLegacy("app", "legacy", legacy);
    it.cluster.sim.seed("{\"apiVersion\":\"aadpodidentity.k8s.io/v1\",\"kind\":\"AzurePodIdentityException\","
        + "\"metadata\":{\"name\":\"legacy-exception\",\"namespace\":\"app\"},\"spec\":{\"PodLabels\":"
        + "{\"app\":\"excepted\"}}}");
    it.boundIdentity("app", "fresh");
    it.cluster.pod("app", "old-app", "vmss-0", "legacy-selector");
    it.cluster.pod("app", "new-app", "vm-0", "fresh-selector");
    it.cluster.sim.requests().reset();

    it.startMic("mic-a", "mic.leader-election-name", "aad-pod-identity-mic");
    it.awaitState("old-app", "app", "legacy", "Assigned");
    it.awaitState("new-app", "app", "fresh", "Assigned");
    V1AzureIdentity changed = it.cluster.readIdentity("app", "fresh");
    changed.getMetadata().putLabelsItem("team", "payments");
    it.cluster.update(changed);
    await().atMost(Duration.ofSeconds(60)).until(() -> it.cluster.assignedIdentity("default",
        MicIntegration.aai("new-app", "app", "fresh")).map(a -> a.getAsJsonObject("spec")
        .getAsJsonObject("azureIdentityRef").getAsJsonObject("metadata").has("labels")).orElse(false));
    it.awaitState("new-app", "app", "fresh", "Assigned");
    it.cluster.deletePod("app", "new-app");
    await().atMost(Duration.ofSeconds(60))
        .until(() -> it.cluster.state("default", MicIntegration.aai("new-app", "app", "fresh")).isEmpty());

    Set<ApiAccess> mine = it.cluster.sim.requests().accesses().stream()
        .filter(a -> a.userAgent().startsWith("aad-pod-identity/MIC/")).collect(Collectors.toSet());
    RbacPolicy policy = RbacPolicy.forServiceAccount(Files.readString(RBAC), SERVICE_ACCOUNT, "mic-system");
    assertThat(mine).isNotEmpty();
    assertThat(policy.denied(mine)).as("requests MIC made that its roles do not allow").isEmpty();
    assertThat(policy.unused(mine)).as("rights MIC has and did not use").isEmpty();
  }
}
