package io.podidentity.nmi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.microprofile.testing.AddConfig;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.testing.ModelFixtures;
import io.podidentity.nmi.decide.PodInfo;
import io.podidentity.nmi.testing.FakeImds;
import io.podidentity.nmi.testing.Pods;
import io.podidentity.nmi.testing.RawHttp;
import io.podidentity.nmi.testing.NmiComponentTest;
import io.podidentity.nmi.testing.TestWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Managed mode (§3.4.2): bindings of the pod's namespace, no assigned identities, no waiting. */
@NmiComponentTest
@AddConfig(key = "nmi.operation-mode", value = "managed")
@AddConfig(key = "nmi.force-namespaced", value = "true")
class ManagedModeTest {
  private static final PodInfo POD = Pods.running("team-a", "app-0", "127.0.10.5", "app");
  private static final AzureIdentity MINE = ModelFixtures.userAssigned("team-a", "mine");
  private static final AzureIdentity THEIRS = ModelFixtures.userAssigned("team-b", "theirs");

  @BeforeEach
  void reset() {
    TestWorld.CLUSTER.managed(true);
    TestWorld.CLUSTER.put(POD);
    TestWorld.CLUSTER.put(MINE);
    TestWorld.CLUSTER.put(THEIRS);
    TestWorld.CLUSTER.put(ModelFixtures.binding("team-a", "b", "mine", "app"));
    TestWorld.CLUSTER.put(ModelFixtures.binding("team-b", "b", "theirs", "app"));
    TestWorld.IMDS.attach(MINE.clientId().value());
    TestWorld.IMDS.attach(THEIRS.clientId().value());
  }

  @Test
  void issuesTheIdentityBoundInThePodsNamespace() {
    RawHttp.Response response = get("");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains(FakeImds.tokenFor(MINE.clientId().value(), "r"));
  }

  @Test
  void refusesAnotherNamespacesIdentityAtOnce() {
    RawHttp.Response response = get("&client_id=" + THEIRS.clientId().value());
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("no azure identity found for request clientID " + THEIRS.clientId() + "\n");
    assertThat(TestWorld.IMDS.tokenCalls()).isZero();
  }

  private static RawHttp.Response get(String query) {
    return RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/metadata/identity/oauth2/token?resource=r" + query,
        "Metadata: true");
  }
}
