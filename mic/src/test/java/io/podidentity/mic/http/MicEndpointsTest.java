package io.podidentity.mic.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The probe port answers /healthz and MicroProfile Health; the metrics socket answers /metrics by the original's names. */
@HelidonTest
@AddBean(FakeRuntimeProducer.class)
@AddConfig(key = "mic.pod-namespace", value = "mic-system")
@AddConfig(key = "server.host", value = "127.0.0.1")
@AddConfig(key = "server.sockets.0.host", value = "127.0.0.1")
@AddConfig(key = "server.sockets.0.port", value = "0")
class MicEndpointsTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String socket, String path) throws IOException, InterruptedException {
    ServerCdiExtension server = CDI.current().getBeanManager().getExtension(ServerCdiExtension.class);
    int port = socket.equals("@default") ? server.port() : server.port(socket);
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthzSaysActiveOnTheLeaderOnceItSyncs() {
    await().untilAsserted(() -> {
      HttpResponse<String> response = get("@default", "/healthz");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("Active");
    });
  }

  @Test
  void answersLivenessAndReadiness() throws Exception {
    assertThat(get("@default", "/health/live").statusCode()).isEqualTo(200);
    await().untilAsserted(() -> assertThat(get("@default", "/health/ready").statusCode()).isEqualTo(200));
  }

  @Test
  void servesTheOriginalsMetricNamesOnTheMetricsSocket() throws Exception {
    HttpResponse<String> response = get("metrics", "/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("text/plain; version=0.0.4"));
    assertThat(response.body()).contains(
        "# TYPE aadpodidentity_assigned_identity_addition_duration_seconds histogram",
        "# TYPE aadpodidentity_assigned_identity_addition_count counter",
        "# TYPE aadpodidentity_assigned_identity_deletion_duration_seconds histogram",
        "# TYPE aadpodidentity_assigned_identity_deletion_count counter",
        "# TYPE aadpodidentity_assigned_identity_update_duration_seconds histogram",
        "# TYPE aadpodidentity_assigned_identity_update_count counter",
        "# TYPE aadpodidentity_mic_cycle_duration_seconds histogram",
        "# TYPE aadpodidentity_mic_cycle_count counter",
        "# TYPE aadpodidentity_cloud_provider_operations_errors_count counter",
        "# TYPE aadpodidentity_cloud_provider_operations_duration_seconds histogram",
        "# TYPE aadpodidentity_kubernetes_api_operations_errors_count counter",
        "aadpodidentity_mic_new_leader_election_count 1");
    assertThat(get("@default", "/metrics").statusCode()).isEqualTo(404);
  }
}
