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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A caller on IPv6 is recognised by its pod's IPv6 address (the original answered 500). */
@NmiComponentTest
@AddConfig(key = "server.host", value = "::1")
class Ipv6CallerTest {

  @Test
  void issuesATokenToAnIpv6Pod() {
    PodInfo pod = Pods.running("team-a", "v6", "0:0:0:0:0:0:0:1", "app");
    AzureIdentity id = ModelFixtures.userAssigned("team-a", "id6");
    TestWorld.CLUSTER.put(pod);
    TestWorld.CLUSTER.put(Pods.assigned(pod, id, AssignmentState.ASSIGNED));
    TestWorld.IMDS.attach(id.clientId().value());
    RawHttp.Response response = exchange("GET /metadata/identity/oauth2/token?resource=r HTTP/1.1\r\nHost: x\r\n"
        + "Metadata: true\r\nConnection: close\r\n\r\n");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains(FakeImds.tokenFor(id.clientId().value(), "r"));
  }

  private static RawHttp.Response exchange(String request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("::1", TestWorld.imdsPort()), 5_000);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return RawHttp.read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
