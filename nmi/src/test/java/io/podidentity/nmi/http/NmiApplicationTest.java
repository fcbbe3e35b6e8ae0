package io.podidentity.nmi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodIdentityException;
import io.podidentity.common.testing.ModelFixtures;
import io.podidentity.nmi.decide.PodInfo;
import io.podidentity.nmi.testing.FakeImds;
import io.podidentity.nmi.testing.LogCapture;
import io.podidentity.nmi.testing.Pods;
import io.podidentity.nmi.testing.RawHttp;
import io.podidentity.nmi.testing.NmiComponentTest;
import io.podidentity.nmi.testing.TestWorld;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The application as deployed: health and readiness, the original's /healthz and the metrics on their own sockets;
 * excepted pods and MIC; a client hanging up ends its wait; nothing secret in any log line.
 */
@NmiComponentTest
class NmiApplicationTest {
  private static final PodInfo POD = Pods.running("team-a", "app-0", "127.0.10.5", "app");
  private static final AzureIdentity ID = ModelFixtures.userAssigned("team-a", "id1");

  @BeforeEach
  void reset() {
    TestWorld.CLUSTER.put(POD);
    TestWorld.IMDS.attach(ID.clientId().value());
  }

  @Test
  void servesLivenessReadinessAndHealthzOnTheAdminSocket() {
    int admin = TestWorld.port("admin");
    assertThat(RawHttp.get("127.0.0.1", admin, "/health/live").status()).isEqualTo(200);
    RawHttp.Response ready = RawHttp.get("127.0.0.1", admin, "/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).contains("\"cachesSynced\":true").contains("\"rulesInPlace\":true");
    RawHttp.Response healthz = RawHttp.get("127.0.0.1", admin, "/healthz");
    assertThat(healthz.status()).isEqualTo(200);
    assertThat(healthz.body()).isEqualTo("Active");
  }

  @Test
  void isNotReadyUntilTheCachesSync() {
    TestWorld.CLUSTER.synced(false);
    RawHttp.Response ready = RawHttp.get("127.0.0.1", TestWorld.port("admin"), "/health/ready");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.body()).contains("\"cachesSynced\":false");
  }

  @Test
  void exportsTheOriginalsMetricNamesOnTheMetricsAndAdminSockets() {
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID, AssignmentState.ASSIGNED));
    RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/metadata/identity/oauth2/token?resource=r", "Metadata: true");
    // The request is counted once its answer is written, so the scrape may briefly precede it.
    for (String socket : new String[] {"metrics", "admin"}) {
      Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        RawHttp.Response metrics = RawHttp.get("127.0.0.1", TestWorld.port(socket), "/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("aadpodidentity_nmi_operations_duration_seconds_count{operation_type="
            + "\"token\",status_code=\"200\",namespace=\"team-a\",resource=\"r\"}")
            .contains("aadpodidentity_imds_operations_duration_seconds_bucket{operation_type="
                + "\"adal_token_msi_userassignedid\"");
      });
    }
  }

  @Test
  void givesExceptedPodsTheNodesTokenForTheirClientIdWithoutABinding() {
    PodInfo excepted = Pods.withLabels("team-a", "excepted", "127.0.10.7", Map.of("thispod", "ShouldExcept"), "");
    TestWorld.CLUSTER.put(excepted);
    TestWorld.CLUSTER.put(new PodIdentityException(new ObjectRef("team-a", "e"), Map.of("thispod", "shouldexcept")));
    RawHttp.Response byClient = RawHttp.get("127.0.10.7", TestWorld.imdsPort(),
        "/metadata/identity/oauth2/token?resource=r&client_id=" + ID.clientId().value(), "Metadata: true");
    assertThat(byClient.status()).isEqualTo(200);
    assertThat(byClient.body()).contains(FakeImds.tokenFor(ID.clientId().value(), "r"));
    RawHttp.Response system = RawHttp.get("127.0.10.7", TestWorld.imdsPort(),
        "/metadata/identity/oauth2/token?resource=r", "Metadata: true");
    assertThat(system.body()).contains(FakeImds.tokenFor("system", "r"));
    assertThat(TestWorld.IMDS.seen()).anyMatch(s -> !s.rawQuery().contains("client_id"));
  }

  @Test
  void shortCircuitsMicInItsNamespace() {
    PodInfo mic = Pods.withLabels("default", "mic-5d7b8c-x", "127.0.10.8", Map.of(), "mic-5d7b8c");
    TestWorld.CLUSTER.put(mic);
    RawHttp.Response response = RawHttp.get("127.0.10.8", TestWorld.imdsPort(),
        "/metadata/identity/oauth2/token?resource=r", "Metadata: true");
    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void endsTheWaitWhenTheClientHangsUp() throws Exception {
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID, AssignmentState.CREATED));
    try (Socket socket = new Socket()) {
      socket.bind(new java.net.InetSocketAddress("127.0.10.5", 0));
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", TestWorld.imdsPort()));
      socket.getOutputStream().write(("GET /metadata/identity/oauth2/token?resource=r HTTP/1.1\r\nHost: x\r\n"
          + "Metadata: true\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      org.awaitility.Awaitility.await().until(() -> TestWorld.runtime().rechecks().pending() == 1);
    }
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
        .until(() -> TestWorld.runtime().rechecks().pending() == 0);
    assertThat(TestWorld.IMDS.tokenCalls()).isZero();
  }

  @Test
  void logsNeitherTokensNorClientIds() {
    TestWorld.CLUSTER.put(Pods.assigned(POD, ID, AssignmentState.ASSIGNED));
    String token = FakeImds.tokenFor(ID.clientId().value(), "r");
    try (LogCapture logs = LogCapture.start()) {
      RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/metadata/identity/oauth2/token?resource=r", "Metadata: true");
      RawHttp.get("127.0.0.1", TestWorld.imdsPort(), "/host/token?resource=r", "podns: team-a", "podname: app-0");
      RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/metadata/identity/oauth2/token?resource=r&client_id="
          + ModelFixtures.clientIdOf("other").value(), "Metadata: true");
      assertThat(logs.lines()).isNotEmpty();
      assertThat(logs.lines()).noneMatch(l -> l.contains(token) || l.contains("fake-token"));
      assertThat(logs.lines()).noneMatch(l -> l.contains(ID.clientId().value())
          || l.contains(ModelFixtures.clientIdOf("other").value()));
    }
  }
}
