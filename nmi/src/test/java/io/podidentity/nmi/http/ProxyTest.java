package io.podidentity.nmi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.microprofile.testing.AddConfig;
import io.podidentity.nmi.testing.FakeImds;
import io.podidentity.nmi.testing.RawHttp;
import io.podidentity.nmi.testing.NmiComponentTest;
import io.podidentity.nmi.testing.TestWorld;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The pass-through (§3.7) and the instance-metadata block (§3.3 row 4). */
@NmiComponentTest
@AddConfig(key = "nmi.block-instance-metadata", value = "true")
class ProxyTest {

  @Test
  void passesOtherPathsThroughWithMethodQueryBodyAndEndToEndHeaders() {
    RawHttp.Response response = RawHttp.exchange("127.0.10.5", TestWorld.imdsPort(),
        "POST /metadata/scheduledevents?api-version=2020-07-01&x=%2F HTTP/1.1\r\nHost: 169.254.169.254\r\n"
            + "Metadata: true\r\nX-Custom: kept\r\nConnection: close, X-Hop\r\nX-Hop: dropped\r\nKeep-Alive: 5\r\n"
            + "TE: trailers\r\nProxy-Authorization: secret\r\nContent-Type: application/json\r\n"
            + "Content-Length: 9\r\n\r\n{\"a\":\"b\"}");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("X-Fake-Imds")).isEqualTo("passed-through");
    assertThat(response.body()).isEqualTo("Not Found");
    FakeImds.Seen seen = TestWorld.IMDS.seen().getFirst();
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.rawPath()).isEqualTo("/metadata/scheduledevents");
    assertThat(seen.rawQuery()).isEqualTo("api-version=2020-07-01&x=%2F");
    assertThat(new String(seen.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"b\"}");
    assertThat(seen.headers()).containsKeys("X-custom", "Metadata", "Content-type")
        .doesNotContainKeys("X-hop", "Keep-alive", "Te", "Proxy-authorization");
    assertThat(seen.headers().get("Host")).containsExactly("127.0.0.1:" + TestWorld.IMDS.port());
  }

  @Test
  void answersUpstreamStatusHeadersAndBody() {
    RawHttp.Response response = RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/doesnotexist", "Metadata: true");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
  }

  @Test
  void requiresTheMetadataHeaderOnThePassThroughToo() {
    RawHttp.Response response = RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/metadata/scheduledevents");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Required metadata header not specified");
    assertThat(TestWorld.IMDS.seen()).isEmpty();
  }

  @Test
  void blocksInstanceMetadataInAnyCaseOfMetadata() {
    for (String path : new String[] {"/metadata/instance", "/metadata/instance/", "/Metadata/instance/compute"}) {
      RawHttp.Response response = RawHttp.get("127.0.10.5", TestWorld.imdsPort(), path + "?api-version=2021-02-01",
          "Metadata: true");
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.body()).isEqualTo("Request blocked by AAD Pod Identity NMI\n");
    }
    assertThat(TestWorld.IMDS.seen()).isEmpty();
  }

  @Test
  void servesNothingButImdsPathsOnTheTokenSocket() {
    for (String path : new String[] {"/health/live", "/health/ready", "/healthz", "/metrics"}) {
      RawHttp.Response response = RawHttp.get("127.0.10.5", TestWorld.imdsPort(), path, "Metadata: true");
      assertThat(response.header("X-Fake-Imds")).as(path).isEqualTo("passed-through");
    }
  }
}
