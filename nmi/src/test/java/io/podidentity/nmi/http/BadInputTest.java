package io.podidentity.nmi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.microprofile.testing.AddConfig;
import io.podidentity.nmi.testing.NmiComponentTest;
import io.podidentity.nmi.testing.RawHttp;
import io.podidentity.nmi.testing.TestWorld;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets its answer without an upstream call and without tying the server up. */
@NmiComponentTest
@AddConfig(key = "server.idle-connection-timeout", value = "PT2S")
@AddConfig(key = "server.idle-connection-period", value = "PT0.5S")
@AddConfig(key = "nmi.retry-attempts-for-assigned", value = "40")
class BadInputTest {

  @Test
  void refusesAHugeRequestLineBeforeAnyHandler() {
    String target = "/metadata/instance?x=" + "a".repeat(10_000);
    RawHttp.Response response = RawHttp.get("127.0.10.5", TestWorld.imdsPort(), target, "Metadata: true");
    assertThat(response.status()).isBetween(400, 499);
    assertThat(TestWorld.IMDS.seen()).isEmpty();
  }

  @Test
  void refusesHugeHeadersBeforeAnyHandler() {
    RawHttp.Response response = RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/metadata/instance",
        "Metadata: true", "X-Big: " + "b".repeat(40_000));
    assertThat(response.status()).isBetween(400, 499);
    assertThat(TestWorld.IMDS.seen()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "GET /metadata/ins"})
  void servesOtherClientsWhileOneSendsSlowlyAndDropsItWhenIdle(String partial) throws IOException {
    assertDroppedWhileOthersAreServed(partial);
  }

  /** Helidon 4.4 has no timeout for headers once the request line is in: the client keeps only its own socket. */
  @Test
  void servesOtherClientsWhileOneStallsInItsHeaders() throws IOException {
    try (Socket stalled = new Socket("127.0.0.1", TestWorld.imdsPort())) {
      stalled.getOutputStream().write("GET /metadata/instance HTTP/1.1\r\nHost: x\r\nMetad"
          .getBytes(StandardCharsets.ISO_8859_1));
      stalled.getOutputStream().flush();
      for (int i = 0; i < 3; i++) {
        assertThat(RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/doesnotexist", "Metadata: true").status())
            .isEqualTo(404);
      }
    }
    assertThat(TestWorld.IMDS.seen()).hasSize(3);
  }

  @Test
  void keepsALongWaitingTokenRequestAlive() {
    io.podidentity.nmi.decide.PodInfo pod = io.podidentity.nmi.testing.Pods.running("a", "p", "127.0.10.5", "x");
    io.podidentity.common.model.AzureIdentity id = io.podidentity.common.testing.ModelFixtures.userAssigned("a", "i");
    TestWorld.CLUSTER.put(pod);
    TestWorld.IMDS.attach(id.clientId().value());
    TestWorld.CLUSTER.put(io.podidentity.nmi.testing.Pods.assigned(pod, id,
        io.podidentity.common.model.AssignmentState.CREATED));
    var pending = RawHttp.inBackground(() -> RawHttp.get("127.0.10.5", TestWorld.imdsPort(),
        "/metadata/identity/oauth2/token?resource=r", "Metadata: true"));
    org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ofSeconds(3)).until(() -> true);
    TestWorld.CLUSTER.put(io.podidentity.nmi.testing.Pods.assigned(pod, id,
        io.podidentity.common.model.AssignmentState.ASSIGNED));
    assertThat(pending.join().status()).isEqualTo(200);
  }

  private static void assertDroppedWhileOthersAreServed(String partial) throws IOException {
    int before = TestWorld.IMDS.seen().size();
    try (Socket slow = new Socket("127.0.0.1", TestWorld.imdsPort())) {
      OutputStream out = slow.getOutputStream();
      out.write(partial.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      for (int i = 0; i < 3; i++) {
        assertThat(RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/doesnotexist", "Metadata: true").status())
            .isEqualTo(404);
      }
      slow.setSoTimeout(20_000);
      InputStream in = slow.getInputStream();
      assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).doesNotContain("X-Fake-Imds");
    }
    assertThat(TestWorld.IMDS.seen()).hasSize(before + 3);
  }

  @Test
  void answersOddMethodsOnTheTokenPathLikeAnyOtherMethod() {
    RawHttp.Response response = RawHttp.exchange("127.0.10.5", TestWorld.imdsPort(),
        "TRACE /metadata/identity/oauth2/token?resource=r HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Required metadata header not specified");
    assertThat(TestWorld.IMDS.seen()).isEmpty();
  }

  @Test
  void neverForwardsTraceOrConnect() {
    RawHttp.Response response = RawHttp.exchange("127.0.10.5", TestWorld.imdsPort(),
        "TRACE /metadata/instance HTTP/1.1\r\nHost: x\r\nMetadata: true\r\nConnection: close\r\n\r\n");
    assertThat(response.status()).isEqualTo(405);
    assertThat(TestWorld.IMDS.seen()).isEmpty();
  }

  @Test
  void refusesAMalformedRequestLine() {
    RawHttp.Response response = RawHttp.exchange("127.0.10.5", TestWorld.imdsPort(),
        "GET /metadata/identity oauth2/token HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(response.status()).isEqualTo(400);
    assertThat(TestWorld.IMDS.seen()).isEmpty();
  }
}
