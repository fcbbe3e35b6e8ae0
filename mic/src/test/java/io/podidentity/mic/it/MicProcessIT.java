package io.podidentity.mic.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as its own process, started the way the original's Deployment starts MIC (flags, {@code
 * MIC_POD_NAMESPACE}, {@code AZURE_ENVIRONMENT_FILEPATH}): it leads, assigns, answers {@code /healthz}, the health
 * checks and {@code /metrics}; and it refuses bad configuration with a message naming key and value.
 */
class MicProcessIT {
  private static final Path JAR = Path.of("target/podidentity-mic-0.1.0-SNAPSHOT.jar");
  private final HttpClient http = HttpClient.newHttpClient();
  private MicIntegration it;
  private Process mic;

  @BeforeEach
  void start() {
    it = new MicIntegration();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (mic != null) {
      mic.destroy();
      if (!mic.waitFor(20, TimeUnit.SECONDS)) {
        mic.destroyForcibly();
      }
    }
    it.close();
  }

  private ProcessBuilder process(List<String> flags, Map<String, String> environment) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(flags);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(it.dir.resolve("mic.log").toFile());
    builder.environment().clear();
    builder.environment().put("PODIDENTITY_CONFIG_DIR", Files.createDirectories(it.dir.resolve("config")).toString());
    builder.environment().putAll(environment);
    return builder;
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void runsAsTheOriginalDeploymentRunsIt() throws Exception {
    it.cluster.namespace("app");
    it.boundIdentity("app", "keyvault-identity");
    it.cluster.pod("app", "validator", "vmss-0", "keyvault-identity-selector");
    int probe = freePort();
    int metrics = freePort();
    mic = process(List.of("--kubeconfig=" + it.cluster.kubeconfig, "--cloudconfig=" + it.cloud.azureJson(it.dir, ""),
        "--http-probe-port=" + probe, "--prometheus-port", Integer.toString(metrics), "--leader-election-namespace",
        "mic-system", "--leader-election-duration=2s", "--logtostderr", "-v=2", "--enableScaleFeatures"),
        Map.of("MIC_POD_NAMESPACE", "mic-system", "AZURE_ENVIRONMENT_FILEPATH", it.cloud.environmentFile.toString(),
            "MIC_AZURE_TRUST_STORE", it.cloud.trustStore.toString(), "MIC_AZURE_TRUST_STORE_PASSWORD",
            it.cloud.trustStorePassword, "MIC_AZURE_POLL_INTERVAL", "100ms", "SERVER_HOST", "127.0.0.1",
            "SERVER_SOCKETS_0_HOST", "127.0.0.1", "HOSTNAME", "mic-process")).start();

    await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
        .until(() -> get(probe, "/healthz").body().equals("Active"));
    it.awaitState("validator", "app", "keyvault-identity", "Assigned");
    assertThat(get(probe, "/health/live").statusCode()).isEqualTo(200);
    assertThat(get(probe, "/health/ready").statusCode()).isEqualTo(200);
    assertThat(get(metrics, "/metrics").body()).contains("aadpodidentity_mic_new_leader_election_count 1",
        "aadpodidentity_cloud_provider_operations_duration_seconds_count{operation_type=\"vmss_update\"} 1",
        "aadpodidentity_assigned_identity_addition_count 1");
    assertThat(it.cluster.sim.get("coordination.k8s.io/v1", "leases", "mic-system", "aad-pod-identity-mic")
        .getAsJsonObject("spec").get("holderIdentity").getAsString()).isEqualTo("mic-process");
    assertThat(Files.readString(it.dir.resolve("mic.log"), StandardCharsets.UTF_8))
        .contains("--enableScaleFeatures is deprecated")
        .doesNotContain("The header is restricted");

    mic.destroy();
    assertThat(mic.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(mic.exitValue()).isIn(0, 143);
    assertThat(Files.readString(it.dir.resolve("mic.log"), StandardCharsets.UTF_8)).contains("stop mic");
  }

  @Test
  void refusesBadConfigurationNamingKeyAndValue() throws Exception {
    mic = process(List.of("--createDeleteBatch=0", "--log-format=xml"), Map.of()).start();

    assertThat(mic.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(mic.exitValue()).isEqualTo(2);
    assertThat(Files.readString(it.dir.resolve("mic.log"), StandardCharsets.UTF_8)).contains(
        "mic: refusing to start, invalid configuration:",
        "key 'mic.create-delete-batch' has value '0' (from command-line flags)",
        "key 'mic.log-format' has value 'xml' (from command-line flags)",
        "set MIC_POD_NAMESPACE");
  }
}
