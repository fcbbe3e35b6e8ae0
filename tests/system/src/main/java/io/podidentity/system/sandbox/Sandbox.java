package io.podidentity.system.sandbox;

import io.podidentity.system.kube.KubeApi;
import io.podidentity.system.process.ChildProcess;
import io.podidentity.system.world.DemoWorld;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sandbox's four programs on loopback, each its own process: the Kubernetes API simulator with its scheduler
 * and kubelet, the Azure simulator seeded with {@link DemoWorld}, MIC, and NMI serving the first node (no iptables:
 * callers reach it by its URL from their pod's loopback address). Closing stops them in reverse order.
 */
public final class Sandbox implements AutoCloseable {
  static final String POD_CIDR = "127.0.10.0/24";
  private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-Xss512k", "-Xmx256m", "-Djdk.httpclient.allowRestrictedHeaders=content-length");

  private final Path root;
  private final Path out;
  private final Path logs;
  private final List<ChildProcess> processes = new ArrayList<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private KubeApi kube;

  Sandbox(Path root, Path out) {
    this.root = root.toAbsolutePath().normalize();
    this.out = out.toAbsolutePath().normalize();
    this.logs = this.out.resolve("logs");
  }

  /** The variables of {@code target/sandbox/env}, in the documented order. */
  Map<String, String> env() {
    return env;
  }

  KubeApi kube() {
    return kube;
  }

  Path root() {
    return root;
  }

  Path out() {
    return out;
  }

  List<ChildProcess> processes() {
    return List.copyOf(processes);
  }

  /** Starts everything and writes the kubeconfig and env files; {@code progress} hears of each step. */
  void start(Progress progress) throws IOException {
    prepareDirectory();
    progress.step("starting the Azure simulator (ARM, Azure AD, one IMDS per node)");
    Map<String, String> azure = startAzure();
    progress.step("starting the Kubernetes API simulator with its scheduler and kubelet");
    startKube();
    progress.step("installing the CRDs and the three nodes");
    installCluster();
    progress.step("starting MIC");
    int micProbe = startMic();
    progress.step("starting NMI for node " + DemoWorld.NODES.get(0));
    int nmiPort = freePort();
    int nmiProbe = startNmi(nmiPort, azure.get("IMDS_URL_" + envName(DemoWorld.SCALE_SET) + "_0"));
    Readiness.await("MIC", "http://127.0.0.1:" + micProbe + "/health/ready", processes.get(2));
    Readiness.await("NMI", "http://127.0.0.1:" + nmiProbe + "/health/ready", processes.get(3));
    env.put("KUBECONFIG", out.resolve("kubeconfig").toString());
    env.put("NMI_URL", "http://127.0.0.1:" + nmiPort);
    env.put("ARM_URL", azure.get("ARM_URL"));
    env.put("AAD_URL", azure.get("AAD_URL"));
    env.put("IMDS_URL", azure.get("IMDS_URL_" + envName(DemoWorld.SCALE_SET) + "_0"));
    env.put("POD_CIDR", POD_CIDR);
    env.put("CA_BUNDLE", azure.get("CA_BUNDLE"));
    env.put("TRUST_STORE", azure.get("TRUST_STORE"));
    env.put("TRUST_STORE_PASSWORD", azure.get("TRUST_STORE_PASSWORD"));
    StringBuilder file = new StringBuilder("# Pod Identity sandbox: source this file (. target/sandbox/env)\n");
    env.forEach((k, v) -> file.append("export ").append(k).append("='").append(v).append("'\n"));
    Files.writeString(out.resolve("env"), file.toString());
  }

  private void prepareDirectory() throws IOException {
    StalePids.stopRecorded(out.resolve("pids"));
    if (Files.isDirectory(out)) {
      try (Stream<Path> files = Files.walk(out)) {
        files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(out)).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(logs);
    Files.createDirectories(out.resolve("config"));
  }

  private Map<String, String> startAzure() throws IOException {
    Path seed = Files.writeString(out.resolve("seed.json"), DemoWorld.seed("127.0.0.1", 0));
    Path dir = out.resolve("azure");
    ChildProcess azure = launch("azure-sim", jar("tests/azure-sim/target/podidentity-azure-sim-0.1.0-SNAPSHOT.jar"),
        List.of("--out", dir.toString(), "--seed", seed.toString()), Map.of());
    azure.awaitLog("Press Ctrl-C to stop.", Duration.ofSeconds(60));
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("endpoints.env"))) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        vars.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^'|'$", ""));
      }
    }
    return vars;
  }

  private void startKube() throws IOException {
    ChildProcess sim = launch("kube-sim", jar("tests/kube-sim/target/podidentity-kube-sim-0.1.0-SNAPSHOT.jar"),
        List.of("--kubeconfig", out.resolve("kubeconfig").toString(), "--kubelet", "--pod-cidr", POD_CIDR),
        Map.of());
    sim.awaitLog("kubeconfig written to", Duration.ofSeconds(60));
    kube = KubeApi.fromKubeconfig(out.resolve("kubeconfig"));
  }

  private void installCluster() throws IOException {
    try (Stream<Path> crds = Files.list(root.resolve("k8s/crds"))) {
      for (Path crd : crds.filter(p -> p.getFileName().toString().startsWith("aadpodidentity")).sorted().toList()) {
        kube.createCrds(crd);
      }
    }
    for (String plural : List.of("azureidentities", "azureidentitybindings", "azureassignedidentities",
        "azurepodidentityexceptions")) {
      kube.await("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + plural + ".aadpodidentity.k8s.io",
          crd -> crd.toString().contains("\"Established\""), Duration.ofSeconds(30), "CRD " + plural);
    }
    for (int i = 0; i < DemoWorld.NODES.size(); i++) {
      kube.create("/api/v1/nodes", DemoWorld.node(i));
      kube.mergePatch("/api/v1/nodes/" + DemoWorld.NODES.get(i) + "/status", DemoWorld.nodeStatus(i, "127.0.0.1"));
    }
  }

  private int startMic() throws IOException {
    Path azureDir = out.resolve("azure");
    String arm = Files.readString(azureDir.resolve("endpoints.env")).lines()
        .filter(l -> l.startsWith("ARM_URL=")).findFirst().orElseThrow().replaceAll("^ARM_URL='|'$", "");
    String aad = Files.readString(azureDir.resolve("endpoints.env")).lines()
        .filter(l -> l.startsWith("AAD_URL=")).findFirst().orElseThrow().replaceAll("^AAD_URL='|'$", "");
    Path cloud = Files.writeString(out.resolve("azure-cloud.json"), DemoWorld.cloudEnvironment(arm, aad));
    Path azureJson = Files.writeString(out.resolve("azure.json"), DemoWorld.azureJson());
    int probe = freePort();
    launch("mic", jar("mic/target/podidentity-mic-0.1.0-SNAPSHOT.jar"), List.of(
        "--kubeconfig=" + out.resolve("kubeconfig"), "--cloudconfig=" + azureJson, "--http-probe-port=" + probe,
        "--prometheus-port=" + freePort(), "--leader-election-namespace=default"), Map.of(
        "MIC_POD_NAMESPACE", "default", "AZURE_ENVIRONMENT_FILEPATH", cloud.toString(),
        "MIC_AZURE_TRUST_STORE", azureDir.resolve("truststore.p12").toString(),
        "MIC_AZURE_TRUST_STORE_PASSWORD", trustStorePassword(), "MIC_AZURE_POLL_INTERVAL", "1s",
        "SERVER_HOST", "127.0.0.1", "SERVER_SOCKETS_0_HOST", "127.0.0.1", "HOSTNAME", "mic-sandbox"));
    return probe;
  }

  private int startNmi(int port, String imdsUrl) throws IOException {
    Path kubelet = Files.writeString(out.resolve("kubelet"), "KUBELET_FLAGS=--network-plugin=cni\n");
    java.net.URI imds = java.net.URI.create(imdsUrl);
    int probe = freePort();
    launch("nmi", jar("nmi/target/podidentity-nmi-0.1.0-SNAPSHOT.jar"), List.of(
        "--node=" + DemoWorld.NODES.get(0), "--kubeconfig=" + out.resolve("kubeconfig"), "--nmi-port=" + port,
        "--http-probe-port=" + probe, "--prometheus-port=" + freePort(), "--metadata-ip=" + imds.getHost(),
        "--metadata-port=" + imds.getPort(), "--kubelet-config=" + kubelet), Map.of(
        "NMI_MANAGE_IPTABLES", "false", "SERVER_SOCKETS_0_HOST", "127.0.0.1", "SERVER_SOCKETS_1_HOST", "127.0.0.1",
        "NMI_AAD_TRUST_STORE", out.resolve("azure/truststore.p12").toString(),
        "NMI_AAD_TRUST_STORE_PASSWORD", trustStorePassword()));
    return probe;
  }

  private String trustStorePassword() throws IOException {
    return Files.readString(out.resolve("azure/endpoints.env")).lines()
        .filter(l -> l.startsWith("TRUST_STORE_PASSWORD=")).findFirst().orElseThrow()
        .replaceAll("^TRUST_STORE_PASSWORD='|'$", "");
  }

  private ChildProcess launch(String name, Path jar, List<String> arguments, Map<String, String> environment)
      throws IOException {
    List<String> command = new ArrayList<>(ChildProcess.java());
    command.addAll(JVM_FLAGS);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments);
    Map<String, String> childEnv = new LinkedHashMap<>(environment);
    childEnv.putIfAbsent("PODIDENTITY_CONFIG_DIR", out.resolve("config").toString());
    ChildProcess process = ChildProcess.startClean(name, command, childEnv, logs.resolve(name + ".log"));
    processes.add(process);
    StalePids.record(out.resolve("pids"), processes);
    return process;
  }

  private Path jar(String relative) {
    Path jar = root.resolve(relative);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("missing " + jar + ": build it first (make sandbox builds what is missing)");
    }
    return jar;
  }

  static String envName(String name) {
    return name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops MIC and NMI first (NMI removes its rules, MIC its lease), then the simulators. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    // The env file and kubeconfig point at ports that are closed now; the logs stay for reading.
    for (String file : List.of("pids", "env", "kubeconfig")) {
      try {
        Files.deleteIfExists(out.resolve(file));
      } catch (IOException e) {
        // nothing is left running; the next start empties the directory anyway
      }
    }
  }

  /** Hears of each step of the start. */
  @FunctionalInterface
  interface Progress {
    void step(String what);
  }
}
