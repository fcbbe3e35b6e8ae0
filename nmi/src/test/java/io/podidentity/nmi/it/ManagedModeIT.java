package io.podidentity.nmi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podidentity.nmi.it.NodeWorld.Bound;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Managed mode (the AKS add-on's shape: identities pre-attached to the node pool, no MIC, no assigned identities):
 * NMI reads bindings and identities of the pod's namespace and answers at once; a pod of another namespace carrying
 * the same selector gets nothing, and an identity whose binding goes away stops being served.
 */
class ManagedModeIT {
  private static NodeWorld world;
  private static NmiServer nmi;

  @BeforeAll
  static void start() {
    world = new NodeWorld(73);
    nmi = world.startNmi("nmi.operation-mode", "managed", "nmi.force-namespaced", "true");
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @Test
  void servesTheBoundIdentityWithoutAnyAssignedIdentity() {
    world.api.namespace("team-a");
    Bound keyvault = world.userAssigned("team-a", "keyvault-identity");
    PodCaller pod = new PodCaller(world.podFor("team-a", "validator", keyvault), nmi.url());
    StandardModeIT.awaitServed(pod, "client_id=" + keyvault.clientId());

    assertThat(StandardModeIT.appId(pod.sdkToken(PodCaller.freshResource(), b -> b.clientId(keyvault.clientId()))))
        .isEqualTo(keyvault.clientId());
    assertThat(StandardModeIT.appId(pod.sdkToken(PodCaller.freshResource(), b -> b.resourceId(
        keyvault.resourceId())))).isEqualTo(keyvault.clientId());
    assertThat(world.api.sim.list("aadpodidentity.k8s.io/v1", "azureassignedidentities", null)).isEmpty();
  }

  @Test
  void servesServicePrincipalsInManagedModeToo() {
    world.api.namespace("team-sp");
    Bound sp = world.secretPrincipal("team-sp", "keyvault-sp", "managed-mode-client-secret");
    PodCaller pod = new PodCaller(world.podFor("team-sp", "validator", sp), nmi.url());
    StandardModeIT.awaitServed(pod, "client_id=" + sp.clientId());

    assertThat(StandardModeIT.appId(pod.sdkToken(PodCaller.freshResource(), b -> b.clientId(sp.clientId()))))
        .isEqualTo(sp.clientId());
  }

  @Test
  void refusesPodsOfOtherNamespacesAndStopsWhenTheBindingGoes() {
    world.api.namespace("team-b");
    world.api.namespace("intruder");
    Bound keyvault = world.userAssigned("team-b", "keyvault-identity");
    PodCaller owner = new PodCaller(world.podFor("team-b", "validator", keyvault), nmi.url());
    PodCaller intruder = new PodCaller(world.podFor("intruder", "validator", keyvault), nmi.url());
    StandardModeIT.awaitServed(owner, "client_id=" + keyvault.clientId());

    assertThat(intruder.token("resource=https%3A%2F%2Fvault.azure.net&client_id=" + keyvault.clientId())
        .statusCode()).isEqualTo(404);
    assertThat(intruder.token("resource=https%3A%2F%2Fvault.azure.net").statusCode()).isEqualTo(404);

    world.api.delete("/apis/aadpodidentity.k8s.io/v1/namespaces/team-b/azureidentitybindings/keyvault-identity-binding");
    await().atMost(NodeWorld.WAIT).until(() -> owner.token("resource=https%3A%2F%2Fvault.azure.net&client_id="
        + keyvault.clientId()).statusCode() == 404);
  }
}
