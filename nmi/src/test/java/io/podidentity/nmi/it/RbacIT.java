package io.podidentity.nmi.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.kubesim.ApiAccess;
import io.podidentity.kubesim.rbac.RbacPolicy;
import io.podidentity.nmi.it.NodeWorld.Bound;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, shown both ways: the ClusterRole in {@code k8s/nmi} and the per-namespace Secret Role in
 * {@code k8s/nmi-secrets} (bound where service-principal identities live) allow every request NMI makes in standard
 * and managed mode, with user-assigned and service-principal identities and exceptions, and NMI uses every right
 * they grant.
 */
class RbacIT {
  private static final String SERVICE_ACCOUNT = "aad-pod-id-nmi-service-account";
  private static final String SECRETS_NAMESPACE = "team-sp";

  @Test
  void nmiUsesExactlyTheRightsItsRolesGrant() throws IOException {
    try (NodeWorld world = new NodeWorld(76)) {
      world.api.namespace("team-a");
      world.api.namespace(SECRETS_NAMESPACE);
      world.api.sim.requests().reset();
      NmiServer standard = world.startNmi();
      NmiServer managed = world.startNmi("nmi.operation-mode", "managed", "nmi.force-namespaced", "true");

      Bound uami = world.userAssigned("team-a", "keyvault-identity");
      PodCaller app = new PodCaller(world.podFor("team-a", "app", uami), standard.url());
      world.assign(uami, "team-a", "app", "Assigned");
      StandardModeIT.awaitServed(app, "client_id=" + uami.clientId());
      world.api.exception("team-a", "excepted", Map.of("app", "excepted"));
      Bound sp = world.secretPrincipal(SECRETS_NAMESPACE, "keyvault-sp", "rbac-test-client-secret");
      PodCaller spApp = new PodCaller(world.podFor(SECRETS_NAMESPACE, "sp-app", sp), managed.url());
      StandardModeIT.awaitServed(spApp, "client_id=" + sp.clientId());

      Set<ApiAccess> mine = world.api.sim.requests().accesses().stream()
          .filter(a -> a.userAgent().startsWith("aad-pod-identity/NMI/")).collect(Collectors.toSet());
      RbacPolicy policy = RbacPolicy.forServiceAccount(Files.readString(Path.of("../k8s/nmi/rbac.yaml")) + "\n---\n"
          + Files.readString(Path.of("../k8s/nmi-secrets/rbac.yaml")), SERVICE_ACCOUNT, SECRETS_NAMESPACE);
      assertThat(mine).isNotEmpty();
      assertThat(policy.denied(mine)).as("requests NMI made that its roles do not allow").isEmpty();
      assertThat(policy.unused(mine)).as("rights NMI has and did not use").isEmpty();
    }
  }
}
