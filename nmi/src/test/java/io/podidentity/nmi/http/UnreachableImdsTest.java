package io.podidentity.nmi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.microprofile.testing.AddConfigSource;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.testing.ModelFixtures;
import io.podidentity.nmi.decide.PodInfo;
import io.podidentity.nmi.testing.Pods;
import io.podidentity.nmi.testing.RawHttp;
import io.podidentity.nmi.testing.NmiComponentTest;
import io.podidentity.nmi.testing.TestWorld;
import io.podidentity.runtime.config.MapConfigSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/** IMDS cannot be reached: the pass-through answers 500 and a token request 503, as the original. */
@NmiComponentTest
class UnreachableImdsTest {

  @AddConfigSource
  static ConfigSource closedPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return new MapConfigSource("closed port", Map.of("nmi.metadata-ip", "127.0.0.1", "nmi.metadata-port",
        Integer.toString(port)), 960);
  }

  @Test
  void answers500OnThePassThrough() {
    RawHttp.Response response = RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/metadata/instance",
        "Metadata: true");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.body()).startsWith("failed to reach IMDS at 127.0.0.1:");
  }

  @Test
  void answers503ForATokenAfterItsAttempts() {
    PodInfo pod = Pods.running("a", "p", "127.0.10.5", "x");
    AzureIdentity id = ModelFixtures.userAssigned("a", "id");
    TestWorld.CLUSTER.put(pod);
    TestWorld.CLUSTER.put(Pods.assigned(pod, id, AssignmentState.ASSIGNED));
    RawHttp.Response response = RawHttp.get("127.0.10.5", TestWorld.imdsPort(),
        "/metadata/identity/oauth2/token?resource=r", "Metadata: true");
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.body()).startsWith("failed to get token from IMDS at 127.0.0.1:");
  }
}
