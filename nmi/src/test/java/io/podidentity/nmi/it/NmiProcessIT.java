package io.podidentity.nmi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podidentity.nmi.it.NodeWorld.Bound;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as its own process, started with the original's flags as the DaemonSet starts it: the original's
 * scenario 23 ({@code /healthz} answers {@code Active} on the probe port) plus readiness, liveness and metrics on
 * their sockets, a pod's token through the real Helidon server, and a clean stop on SIGTERM.
 */
class NmiProcessIT {
  private static final Path JAR = Path.of("target/podidentity-nmi-0.1.0-SNAPSHOT.jar");
  private NodeWorld world;
  private Process nmi;

  @AfterEach
  void stop() throws InterruptedException {
    if (nmi != null && nmi.isAlive()) {
      nmi.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }
    world.close();
  }

  @Test
  void runsAsTheDaemonSetRunsItAndStopsCleanlyOnSigterm() throws Exception {
    world = new NodeWorld(75);
    world.api.namespace("app");
    Bound keyvault = world.userAssigned("app", "keyvault-identity");
    String ip = world.podFor("app", "validator", keyvault);
    world.assign(keyvault, "app", "validator", "Assigned");
    int port = freePort();
    int probe = freePort();
    int metrics = freePort();
    Path kubelet = Files.writeString(world.dir.resolve("kubelet"), "KUBELET_FLAGS=--network-plugin=cni\n");
    Path log = world.dir.resolve("nmi.log");
    nmi = process(log, List.of("--node=" + NodeWorld.NODE, "--kubeconfig=" + world.api.kubeconfig,
        "--nmi-port=" + port, "--http-probe-port", Integer.toString(probe), "--prometheus-port=" + metrics,
        "--metadata-ip=127.0.0.1", "--metadata-port=" + world.cloud.imds(0).getPort(),
        "--kubelet-config=" + kubelet, "--retry-attempts-for-created=2", "--find-identity-retry-interval=1",
        "-v=2"), Map.of("NMI_MANAGE_IPTABLES", "false", "SERVER_SOCKETS_0_HOST", "127.0.0.1",
        "SERVER_SOCKETS_1_HOST", "127.0.0.1", "NMI_AAD_TRUST_STORE", world.cloud.trustStore.toString(),
        "NMI_AAD_TRUST_STORE_PASSWORD", world.cloud.trustStorePassword)).start();
    PodCaller pod = new PodCaller(ip, "http://127.0.0.1:" + port);
    PodCaller host = new PodCaller("127.0.0.1", "http://127.0.0.1:" + probe);

    await().atMost(NodeWorld.WAIT.multipliedBy(3)).ignoreExceptions()
        .until(() -> host.get("/healthz", Map.of()).body().equals("Active"));
    await().atMost(NodeWorld.WAIT).until(() -> host.get("/health/ready", Map.of()).statusCode() == 200);
    assertThat(host.get("/health/live", Map.of()).statusCode()).isEqualTo(200);
    StandardModeIT.awaitServed(pod, "client_id=" + keyvault.clientId());
    assertThat(new PodCaller("127.0.0.1", "http://127.0.0.1:" + metrics).get("/metrics", Map.of()).body())
        .contains("aadpodidentity_nmi_operations_duration_seconds_count{operation_type=\"token\",status_code=\"200\","
            + "namespace=\"app\"");

    nmi.destroy();

    assertThat(nmi.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(nmi.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isIn(0, 143);
    assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("stop nmi");
  }

  private ProcessBuilder process(Path log, List<String> flags, Map<String, String> environment) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-jar", JAR.toString()));
    command.addAll(flags);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().put("PODIDENTITY_CONFIG_DIR", Files.createDirectories(world.dir.resolve("config"))
        .toString());
    builder.environment().putAll(environment);
    return builder;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
