package io.podidentity.nmi.http;

import static io.podidentity.common.model.AssignmentState.ASSIGNED;
import static io.podidentity.common.model.AssignmentState.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.testing.ModelFixtures;
import io.podidentity.nmi.decide.PodInfo;
import io.podidentity.nmi.testing.FakeImds;
import io.podidentity.nmi.testing.Pods;
import io.podidentity.nmi.testing.RawHttp;
import io.podidentity.nmi.testing.NmiComponentTest;
import io.podidentity.nmi.testing.TestWorld;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pod token endpoint's answers (§3.4), each status code and body, through the real server. */
@NmiComponentTest
class TokenEndpointTest {
  private static final String RESOURCE = "https://vault.azure.net";
  private static final String TOKEN_PATH = "/metadata/identity/oauth2/token?api-version=2018-02-01&resource="
      + "https%3A%2F%2Fvault.azure.net";
  private static final PodInfo POD = Pods.running("team-a", "app-0", "127.0.10.5", "app");
  private static final AzureIdentity ID1 = ModelFixtures.userAssigned("team-a", "id1");
  private static final AzureIdentity ID2 = ModelFixtures.userAssigned("team-a", "id2");

  @BeforeEach
  void reset() {
    TestWorld.CLUSTER.put(POD);
    TestWorld.IMDS.attach(ID1.clientId().value());
    TestWorld.IMDS.attach(ID2.clientId().value());
  }

  @Test
  void refusesRequestsWithoutTheMetadataHeaderWithImdsJson() {
    RawHttp.Response response = RawHttp.get("127.0.10.5", TestWorld.imdsPort(), TOKEN_PATH);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(response.body()).isEqualTo(
        "{\"error\":\"invalid_request\",\"error_description\":\"Required metadata header not specified\"}\n");
    assertThat(TestWorld.IMDS.seen()).isEmpty();
  }

  @Test
  void refusesAWrongMetadataValue() {
    assertThat(get("/metadata/identity/oauth2/token?resource=r", "Metadata: True").status()).isEqualTo(400);
  }

  @Test
  void refusesRequestsWithoutResourceAsPlainText() {
    RawHttp.Response response = get("/metadata/identity/oauth2/token?api-version=2018-02-01", "Metadata: true");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.body()).isEqualTo("parameter resource cannot be empty\n");
  }

  @Test
  void answers500WhenNoPodHasTheCallersAddress() {
    RawHttp.Response response = RawHttp.get("127.0.10.99", TestWorld.imdsPort(), TOKEN_PATH, "Metadata: true");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("pod list is empty\n");
  }

  @Test
  void issuesTheAssignedIdentitysTokenInImdsShape() {
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID1, ASSIGNED));
    RawHttp.Response response = get(TOKEN_PATH, "Metadata: true");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    assertThat(response.body()).matches("\\{\"access_token\":\"" + FakeImds.tokenFor(ID1.clientId().value(), RESOURCE)
        + "\",\"refresh_token\":\"\",\"expires_in\":\"\\d+\",\"expires_on\":\"\\d+\",\"not_before\":\"\\d+\","
        + "\"resource\":\"https://vault.azure.net\",\"token_type\":\"Bearer\"}");
    assertThat(TestWorld.IMDS.seen().getFirst().rawQuery()).isEqualTo("api-version=2018-02-01&client_id="
        + ID1.clientId().value() + "&resource=https%3A%2F%2Fvault.azure.net");
    assertThat(TestWorld.IMDS.seen().getFirst().headers().get("Metadata")).containsExactly("true");
  }

  @Test
  void answers404AfterTheWaitsWhenNothingIsAssigned() {
    RawHttp.Response response = get(TOKEN_PATH, "Metadata: true");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("getting assigned identities for pod team-a/app-0 in CREATED state failed "
        + "after 3 attempts, retry duration [0]s, error: <nil>. Check MIC pod logs for identity assignment errors\n");
  }

  @Test
  void answersAsSoonAsMicAssignsTheIdentity() {
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID1, CREATED));
    CompletableFuture<RawHttp.Response> pending = RawHttp.inBackground(() -> get(TOKEN_PATH, "Metadata: true"));
    await().atMost(Duration.ofSeconds(5)).until(() -> pendingRequests() == 1);
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID1, ASSIGNED));
    assertThat(pending.join().status()).isEqualTo(200);
  }

  @Test
  void refusesAnotherIdentityOfTheNodeWithoutAskingImds() {
    PodInfo other = Pods.running("team-b", "other", "127.0.10.6", "other");
    TestWorld.CLUSTER.put(other);
    TestWorld.CLUSTER.put(Pods.assigned(other, ID2, ASSIGNED));
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID1, ASSIGNED));
    RawHttp.Response response = get(TOKEN_PATH + "&client_id=" + ID2.clientId().value(), "Metadata: true");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).startsWith("clientID in request: " + ID2.clientId() + ", getting assigned");
    assertThat(TestWorld.IMDS.tokenCalls()).isZero();
  }

  @Test
  void choosesByClientIdMsiResIdOrMiResId() {
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID1, ASSIGNED));
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID2, ASSIGNED));
    String byClient = get(TOKEN_PATH + "&client_id=" + ID2.clientId().value(), "Metadata: true").body();
    String byMsi = get(TOKEN_PATH + "&msi_res_id=" + ID2.resourceId().orElseThrow(), "Metadata: true").body();
    String byMi = get(TOKEN_PATH + "&mi_res_id=" + ID1.resourceId().orElseThrow(), "Metadata: true").body();
    assertThat(byClient).contains(FakeImds.tokenFor(ID2.clientId().value(), RESOURCE));
    assertThat(byMsi).contains(FakeImds.tokenFor(ID2.clientId().value(), RESOURCE));
    assertThat(byMi).contains(FakeImds.tokenFor(ID1.clientId().value(), RESOURCE));
  }

  @Test
  void answers403WithImdssErrorWhenImdsRefuses() {
    TestWorld.IMDS.reset();
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID1, ASSIGNED));
    RawHttp.Response response = get(TOKEN_PATH, "Metadata: true");
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("adal: Refresh request failed. Status Code = '400'. Response body: "
        + "{\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"}\n");
  }

  @Test
  void servesRepeatedRequestsFromTheCacheButDecidesEachOne() {
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID1, ASSIGNED));
    for (int i = 0; i < 5; i++) {
      assertThat(get(TOKEN_PATH, "Metadata: true").status()).isEqualTo(200);
    }
    assertThat(TestWorld.IMDS.tokenCalls()).isEqualTo(1);
    TestWorld.CLUSTER.remove(Pods.assigned(POD, ID1, ASSIGNED));
    assertThat(get(TOKEN_PATH, "Metadata: true").status()).isEqualTo(404);
  }

  @Test
  void acceptsAnyMethodAsTheOriginal() {
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID1, ASSIGNED));
    RawHttp.Response response = RawHttp.exchange("127.0.10.5", TestWorld.imdsPort(), "PROPFIND " + TOKEN_PATH
        + " HTTP/1.1\r\nHost: x\r\nMetadata: true\r\nConnection: close\r\n\r\n");
    assertThat(response.status()).isEqualTo(200);
  }

  private static RawHttp.Response get(String target, String... headers) {
    return RawHttp.get("127.0.10.5", TestWorld.imdsPort(), target, headers);
  }

  private static int pendingRequests() {
    return jakarta.enterprise.inject.spi.CDI.current().select(io.podidentity.nmi.NmiRuntime.class).get()
        .rechecks().pending();
  }
}
