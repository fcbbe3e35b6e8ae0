package io.podidentity.nmi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.microprofile.testing.AddConfig;
import io.podidentity.common.model.AssignmentState;
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

/** {@code /host/token} (§3.5), with the Retry-After mode on to show it never applies here. */
@NmiComponentTest
@AddConfig(key = "nmi.set-retry-after-header", value = "true")
class HostTokenTest {
  private static final PodInfo POD = Pods.running("team-a", "app-0", "127.0.10.5", "app");
  private static final AzureIdentity ID = ModelFixtures.userAssigned("team-a", "id1");

  @BeforeEach
  void reset() {
    TestWorld.IMDS.attach(ID.clientId().value());
  }

  @Test
  void answersTheTokenAndClientIdForANamedPod() {
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID, AssignmentState.ASSIGNED));
    RawHttp.Response response = RawHttp.get("127.0.0.1", TestWorld.imdsPort(), "/host/token/?resource=r",
        "podns: team-a", "podname: app-0");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"token\":{\"access_token\":\"" + FakeImds.tokenFor(ID.clientId().value(),
        "r") + "\"").endsWith(",\"clientid\":\"" + ID.clientId().value() + "\"}");
  }

  @Test
  void refusesMissingHeadersFirst() {
    RawHttp.Response response = RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/host/token?resource=r");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("missing 'podname' and 'podns' from request header\n");
  }

  @Test
  void refusesPodsAndAnyoneNotOnTheNodesLoopbackAddress() {
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID, AssignmentState.ASSIGNED));
    RawHttp.Response response = RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/host/token?resource=r",
        "podns: team-a", "podname: app-0");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("request remote address is not from a host\n");
    assertThat(TestWorld.IMDS.tokenCalls()).isZero();
  }

  @Test
  void requiresAResource() {
    RawHttp.Response response = RawHttp.get("127.0.0.1", TestWorld.imdsPort(), "/host/token", "podns: team-a",
        "podname: app-0");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("parameter resource cannot be empty\n");
  }

  @Test
  void answers404WithoutRetryAfterWhenThePodHasNoIdentity() {
    RawHttp.Response response = RawHttp.get("127.0.0.1", TestWorld.imdsPort(), "/host/token?resource=r",
        "podns: team-a", "podname: nobody");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Retry-After")).isNull();
  }

  @Test
  void answers503WithRetryAfterOnThePodEndpointInThatMode() {
    TestWorld.CLUSTER.put(POD);
    RawHttp.Response response = RawHttp.get("127.0.10.5", TestWorld.imdsPort(),
        "/metadata/identity/oauth2/token?resource=r", "Metadata: true");
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isEqualTo("20");
    assertThat(response.body()).contains("in CREATED state failed after 3 attempts");
  }
}
