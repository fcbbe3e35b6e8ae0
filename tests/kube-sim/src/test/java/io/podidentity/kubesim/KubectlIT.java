package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The real kubectl, with nothing but the simulator's kubeconfig, installs the project's CRDs, applies its samples,
 * prints tables with the CRDs' printer columns, labels, watches and deletes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlIT {
  private static final Path KUBECTL = Path.of("/usr/bin/kubectl");
  private static final Path CRDS = Path.of("../../k8s/crds");
  private static final Path SAMPLES = Path.of("../../k8s/samples");
  private static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: watched
        labels:
          app: demo
      spec:
        containers:
        - name: app
          image: busybox:1.36
      """;

  @TempDir
  static Path home;
  private static KubeSimulator sim;
  private static Path kubeconfig;

  /** A finished kubectl run. */
  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void start() throws IOException {
    if (!Files.isExecutable(KUBECTL)) {
      System.out.println("KubectlIT skipped: " + KUBECTL + " is not installed");
      Assumptions.abort(KUBECTL + " is not installed");
    }
    sim = KubeSimulator.builder().start();
    kubeconfig = sim.writeKubeconfig(home.resolve("kubeconfig"));
  }

  @AfterAll
  static void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  @Order(1)
  void installsTheProjectCrdsAndWaitsForThemToBeEstablished() throws Exception {
    List<String> args = new ArrayList<>(List.of("apply"));
    for (Path crd : crdFiles()) {
      args.add("-f");
      args.add(crd.toString());
    }
    Run applied = kubectl(args.toArray(String[]::new));
    assertThat(applied.exit()).as(applied.err()).isZero();
    assertThat(applied.out()).contains("customresourcedefinition.apiextensions.k8s.io/azureidentities.aadpodidentity.k8s.io created");
    Run waited = kubectl("wait", "--for", "condition=established", "crd", "--all", "--timeout=20s");
    assertThat(waited.exit()).as(waited.err()).isZero();
    assertThat(waited.out().lines()).hasSize(crdFiles().size());
  }

  @Test
  @Order(2)
  void appliesTheSamplesAndPrintsIdentitiesWithTheirPrinterColumns() throws Exception {
    Run applied = kubectl("apply", "-f", SAMPLES.toString());
    assertThat(applied.exit()).as(applied.err()).isZero();
    Run table = kubectl("get", "azureidentities", "--all-namespaces");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out().lines().findFirst().orElseThrow().split("\\s+"))
        .containsExactly("NAMESPACE", "NAME", "TYPE", "CLIENTID", "AGE");
    for (Map<String, Object> identity : sampleIdentities()) {
      Map<?, ?> meta = (Map<?, ?>) identity.get("metadata");
      Map<?, ?> spec = (Map<?, ?>) identity.get("spec");
      assertThat(table.out()).containsPattern(meta.get("name") + "\\s+" + spec.get("type") + "\\s+" + spec.get("clientID") + "\\s+\\d+s");
    }
    Run reapplied = kubectl("apply", "-f", SAMPLES.resolve("azureidentity-user-assigned.yaml").toString());
    assertThat(reapplied.exit()).as(reapplied.err()).isZero();
    assertThat(reapplied.out()).endsWith("unchanged\n");
  }

  @Test
  @Order(3)
  void labelsWatchesAndDeletesAPod() throws Exception {
    Path pod = Files.writeString(home.resolve("pod.yaml"), POD);
    assertThat(kubectl("create", "-f", pod.toString()).out()).contains("pod/watched created");
    Started watch = start("get", "pod", "watched", "-w", "--output-watch-events", "--show-labels");
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> output(watch).contains("ADDED"));
      Run labeled = kubectl("label", "pod", "watched", "tier=web");
      assertThat(labeled.out()).contains("pod/watched labeled");
      await().atMost(Duration.ofSeconds(10)).until(() -> output(watch).contains("MODIFIED"));
      assertThat(output(watch)).containsPattern("MODIFIED\\s+watched\\s+0/1\\s+Pending.*app=demo,tier=web");
      assertThat(kubectl("delete", "pod", "watched").out()).contains("pod \"watched\" deleted");
      await().atMost(Duration.ofSeconds(10)).until(() -> output(watch).contains("DELETED"));
    } finally {
      watch.process().destroy();
    }
    Run gone = kubectl("get", "pod", "watched");
    assertThat(gone.exit()).isNotZero();
    assertThat(gone.err()).contains("Error from server (NotFound): pods \"watched\" not found");
  }

  @Test
  @Order(4)
  void printsAnIdentityAsYaml() throws Exception {
    Map<String, Object> identity = sampleIdentities().get(0);
    Map<?, ?> meta = (Map<?, ?>) identity.get("metadata");
    Run yaml = kubectl("get", "azureidentity", String.valueOf(meta.get("name")), "-n",
        String.valueOf(meta.get("namespace") == null ? "default" : meta.get("namespace")), "-o", "yaml");
    assertThat(yaml.exit()).as(yaml.err()).isZero();
    Map<String, Object> read = new Yaml().load(yaml.out());
    assertThat(read).containsEntry("kind", "AzureIdentity").containsEntry("apiVersion", "aadpodidentity.k8s.io/v1");
    assertThat(read.get("spec")).isEqualTo(identity.get("spec"));
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) read.get("metadata");
    assertThat(metadata).containsKeys("uid", "resourceVersion", "creationTimestamp", "generation");
  }

  @Test
  @Order(5)
  void createsNamespacedObjectsWithGeneratorsAndPatches() throws Exception {
    assertThat(kubectl("create", "namespace", "tools").out()).contains("namespace/tools created");
    assertThat(kubectl("create", "configmap", "settings", "-n", "tools", "--from-literal=a=1").exit()).isZero();
    assertThat(kubectl("create", "serviceaccount", "robot", "-n", "tools").exit()).isZero();
    Run token = kubectl("create", "token", "robot", "-n", "tools");
    assertThat(token.exit()).as(token.err()).isZero();
    assertThat(token.out().trim().split("\\.")).hasSize(3);
    Run patched = kubectl("patch", "configmap", "settings", "-n", "tools", "-p", "{\"data\":{\"b\":\"2\"}}");
    assertThat(patched.out()).contains("configmap/settings patched");
    assertThat(kubectl("get", "configmap", "settings", "-n", "tools", "-o", "jsonpath={.data}").out())
        .isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
    assertThat(kubectl("delete", "namespace", "tools").out()).contains("namespace \"tools\" deleted");
    await().atMost(Duration.ofSeconds(10)).until(() -> kubectl("get", "namespace", "tools").exit() != 0);
  }

  private static List<Path> crdFiles() throws IOException {
    try (Stream<Path> files = Files.list(CRDS)) {
      return files.filter(f -> f.getFileName().toString().startsWith("aadpodidentity.k8s.io_")).sorted().toList();
    }
  }

  private static List<Map<String, Object>> sampleIdentities() throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(SAMPLES)) {
      for (Path f : files.sorted().toList()) {
        for (Object doc : new Yaml().loadAll(Files.readString(f))) {
          if (doc instanceof Map<?, ?> m && "AzureIdentity".equals(m.get("kind"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) m;
            out.add(typed);
          }
        }
      }
    }
    return out;
  }

  /** A kubectl process whose output goes to files (no pipe to fill up). */
  private record Started(Process process, Path out, Path err) {}

  private static Run kubectl(String... args) throws IOException, InterruptedException {
    Started s = start(args);
    if (!s.process().waitFor(30, TimeUnit.SECONDS)) {
      s.process().destroyForcibly();
      throw new IllegalStateException("kubectl " + String.join(" ", args) + " did not finish");
    }
    return new Run(s.process().exitValue(), Files.readString(s.out()), Files.readString(s.err()));
  }

  private static Started start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(KUBECTL.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().put("HOME", home.toString());
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new Started(pb.start(), out, err);
  }

  private static String output(Started watch) throws IOException {
    return Files.readString(watch.out());
  }
}
