package io.podidentity.system.e2e;

import io.podidentity.system.process.ChildProcess;
import io.podidentity.system.process.Command;
import io.podidentity.system.process.Pause;
import io.podidentity.system.world.DemoWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every program of the system tests, each a process inside the node namespace: the Azure simulator (ARM and Azure
 * AD on the bridge address, the first node's IMDS on 169.254.169.254:80 as on a VM), the Kubernetes API simulator
 * and MIC on the node's loopback, NMI managing its own iptables rules, and Azurite on the bridge address with HTTPS
 * and OAuth. The test itself stays in the machine's namespace and acts through {@code ip netns exec}.
 */
final class NodeCluster implements AutoCloseable {
  static final String ARM_PORT = "8443";
  static final String AZURITE_URL = "https://" + NodeNetwork.GATEWAY + ":10000/devstoreaccount1";
  private static final List<String> JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
      "-Xmx256m", "-Djdk.httpclient.allowRestrictedHeaders=content-length");
  final Path root;
  final Path dir;
  final Path kubeconfig;
  private final List<ChildProcess> processes = new ArrayList<>();
  private ChildProcess nmi;
  private String trustStorePassword;

  NodeCluster(Path root, Path dir) throws IOException {
    this.root = root;
    this.dir = dir;
    this.kubeconfig = dir.resolve("kubeconfig");
    Files.createDirectories(dir.resolve("logs"));
    Files.createDirectories(dir.resolve("config"));
  }

  void start() throws IOException {
    startAzure();
    startKube();
    installCluster();
    startMic();
    startNmi();
    startAzurite();
  }

  private void startAzure() throws IOException {
    Path seed = Files.writeString(dir.resolve("seed.json"), DemoWorld.seed(NodeNetwork.IMDS_IP, 80));
    ChildProcess azure = launch("azure-sim", java("tests/azure-sim/target/podidentity-azure-sim-0.1.0-SNAPSHOT.jar",
        "--out", dir.resolve("azure").toString(), "--seed", seed.toString(), "--host", NodeNetwork.GATEWAY,
        "--extra-host", NodeNetwork.GATEWAY, "--arm-port", ARM_PORT, "--aad-port", "8444", "--admin-port", "8081"),
        Map.of());
    azure.awaitLog("Press Ctrl-C to stop.", Duration.ofSeconds(60));
    trustStorePassword = Files.readString(dir.resolve("azure/endpoints.env")).lines()
        .filter(l -> l.startsWith("TRUST_STORE_PASSWORD=")).findFirst().orElseThrow()
        .replaceAll("^TRUST_STORE_PASSWORD='|'$", "");
  }

  private void startKube() {
    launch("kube-sim", java("tests/kube-sim/target/podidentity-kube-sim-0.1.0-SNAPSHOT.jar", "--kubeconfig",
        kubeconfig.toString(), "--port", "6443"), Map.of()).awaitLog("kubeconfig written to", Duration.ofSeconds(60));
  }

  private void installCluster() {
    kubectl("apply", "-k", root.resolve("k8s/crds").toString());
    kubectl("wait", "--for=condition=Established", "--timeout=30s", "crd", "--all");
    for (int i = 0; i < DemoWorld.NODES.size(); i++) {
      kubectlIn(DemoWorld.node(i), "create", "-f", "-");
      kubectl("patch", "node", DemoWorld.NODES.get(i), "--subresource=status", "--type=merge", "-p",
          DemoWorld.nodeStatus(i, NodeNetwork.GATEWAY));
    }
  }

  private void startMic() throws IOException {
    String arm = "https://" + NodeNetwork.GATEWAY + ":" + ARM_PORT + "/";
    String aad = "https://" + NodeNetwork.GATEWAY + ":8444/";
    Path cloud = Files.writeString(dir.resolve("azure-cloud.json"), DemoWorld.cloudEnvironment(arm, aad));
    Path azureJson = Files.writeString(dir.resolve("azure.json"), DemoWorld.azureJson());
    ChildProcess mic = launch("mic", java("mic/target/podidentity-mic-0.1.0-SNAPSHOT.jar",
        "--kubeconfig=" + kubeconfig, "--cloudconfig=" + azureJson, "--http-probe-port=8080",
        "--prometheus-port=8888"), Map.of("MIC_POD_NAMESPACE", "default",
        "AZURE_ENVIRONMENT_FILEPATH", cloud.toString(),
        "MIC_AZURE_TRUST_STORE", dir.resolve("azure/truststore.p12").toString(),
        "MIC_AZURE_TRUST_STORE_PASSWORD", trustStorePassword, "MIC_AZURE_POLL_INTERVAL", "1s",
        "SERVER_HOST", "127.0.0.1", "SERVER_SOCKETS_0_HOST", "127.0.0.1", "HOSTNAME", "mic-e2e"));
    awaitReady(mic, "http://127.0.0.1:8080/health/ready");
  }

  /** NMI as the DaemonSet runs it, with shorter identity waits so that a refusal comes within seconds. */
  void startNmi() throws IOException {
    Path kubelet = Files.writeString(dir.resolve("kubelet"), "KUBELET_FLAGS=--network-plugin=cni\n");
    nmi = launch("nmi", java("nmi/target/podidentity-nmi-0.1.0-SNAPSHOT.jar", "--node=" + DemoWorld.NODES.get(0),
        "--kubeconfig=" + kubeconfig, "--kubelet-config=" + kubelet, "--retry-attempts-for-created=2",
        "--retry-attempts-for-assigned=1", "--find-identity-retry-interval=1"), Map.of(
        "SERVER_SOCKETS_0_HOST", "127.0.0.1", "SERVER_SOCKETS_1_HOST", "127.0.0.1"));
    awaitReady(nmi, "http://127.0.0.1:8085/health/ready");
  }

  /** SIGTERM to NMI, waiting for it to end (it removes its rules first). */
  void stopNmi() {
    nmi.close();
    processes.remove(nmi);
  }

  private void startAzurite() throws IOException {
    Path key = dir.resolve("azurite-key.pem");
    Path cert = dir.resolve("azurite-cert.pem");
    Command.run(Duration.ofSeconds(60), List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
        "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=azurite",
        "-addext", "subjectAltName=IP:" + NodeNetwork.GATEWAY)).orThrow();
    WorkloadTrust.write(dir.resolve("workload-trust.p12"), trustStorePassword, dir.resolve("azure/ca.pem"), cert);
    Path bin = root.resolve("tests/system/node_modules/.bin/azurite-blob");
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException("no " + bin + ": run `npm ci` in tests/system (make e2e does)");
    }
    launch("azurite", List.of(bin.toString(), "--blobHost", NodeNetwork.GATEWAY, "--blobPort", "10000",
        "--oauth", "basic", "--cert", cert.toString(), "--key", key.toString(), "--inMemoryPersistence",
        "--disableTelemetry"), Map.of())
        .awaitLog("successfully listens on", Duration.ofSeconds(60));
  }

  /** A Java workload of this module run inside pod namespace {@code ns}, with no IMDS settings at all. */
  Command runWorkload(String ns, String mainClass, String... args) {
    List<String> command = new ArrayList<>(NodeNetwork.exec(ns, javaBinary(), "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Djavax.net.ssl.trustStore=" + dir.resolve("workload-trust.p12"),
        "-Djavax.net.ssl.trustStorePassword=" + trustStorePassword, "-Djavax.net.ssl.trustStoreType=PKCS12",
        "-cp", root.resolve("tests/system/target/podidentity-system-tests-0.1.0-SNAPSHOT.jar").toString(),
        mainClass));
    command.addAll(List.of(args));
    return Command.run(Duration.ofSeconds(180), command);
  }

  String kubectl(String... args) {
    return kubectlIn(null, args);
  }

  String kubectlIn(String stdin, String... args) {
    List<String> command = new ArrayList<>(NodeNetwork.exec(NodeNetwork.NODE, "kubectl", "--kubeconfig",
        kubeconfig.toString()));
    command.addAll(List.of(args));
    return Command.run(Duration.ofSeconds(60), command, stdin).orThrow().output();
  }

  private void awaitReady(ChildProcess process, String url) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(process.name() + " ended:\n" + process.tail(40));
      }
      if (Command.run(Duration.ofSeconds(10), NodeNetwork.exec(NodeNetwork.NODE, "curl", "-sf", "-m", "2", url))
          .status() == 0) {
        return;
      }
      Pause.millis(250);
    }
    throw new IllegalStateException(process.name() + " not ready at " + url + ":\n" + process.tail(40));
  }

  private List<String> java(String jar, String... args) {
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(JVM);
    command.addAll(List.of("-jar", root.resolve(jar).toString()));
    command.addAll(List.of(args));
    return command;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private ChildProcess launch(String name, List<String> argv, Map<String, String> environment) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put("PODIDENTITY_CONFIG_DIR", dir.resolve("config").toString());
    ChildProcess process = ChildProcess.startClean(name,
        NodeNetwork.exec(NodeNetwork.NODE, argv.toArray(String[]::new)), env, dir.resolve("logs/" + name + ".log"));
    processes.add(process);
    return process;
  }

  /** NMI first, so that it removes its rules while the API simulator still answers; then the rest. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      if (processes.get(i).name().equals("nmi")) {
        processes.get(i).close();
      }
    }
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    processes.clear();
  }
}
