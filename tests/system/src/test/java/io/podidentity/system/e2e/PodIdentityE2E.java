package io.podidentity.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.podidentity.system.process.Command;
import io.podidentity.system.world.DemoWorld;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system on one node, as root: pods are network namespaces behind a bridge, NMI intercepts their calls to
 * 169.254.169.254 with its own iptables rules, and unchanged programs (azure-identity, azure-storage-blob,
 * azure-resourcemanager, curl) run inside the pods with no IMDS setting at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PodIdentityE2E {
  private static final String TOKEN_PATH = "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=";
  private static final String ARM = "https://management.azure.com/";
  private NodeNetwork network;
  private NodeCluster cluster;
  private String storagePod;
  private String demoPod;
  private String unboundPod;
  private String exceptedPod;

  @BeforeAll
  void start() throws Exception {
    String missing = missingPrerequisite();
    if (missing != null) {
      System.out.println("e2e: skipped: " + missing);
    }
    Assumptions.assumeTrue(missing == null, missing);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "e2e-cleanup"));
    Path root = Path.of("../..").toAbsolutePath().normalize();
    network = new NodeNetwork();
    storagePod = network.addPod("storage", "10.244.0.11");
    demoPod = network.addPod("demo", "10.244.0.12");
    unboundPod = network.addPod("unbound", "10.244.0.13");
    exceptedPod = network.addPod("excepted", "10.244.0.14");
    cluster = new NodeCluster(root, root.resolve("tests/system/target/e2e"));
    System.out.println("e2e: starting the simulators, MIC, NMI and Azurite in namespace " + NodeNetwork.NODE);
    cluster.start();
    Pods pods = new Pods(cluster);
    pods.identity("storage", DemoWorld.NO_RIGHTS, DemoWorld.NO_RIGHTS_CLIENT_ID);
    pods.identity("demo", DemoWorld.READER, DemoWorld.READER_CLIENT_ID);
    pods.exception("exempt", "true");
    pods.pod("storage", "10.244.0.11", "aadpodidbinding", "storage");
    pods.pod("demo", "10.244.0.12", "aadpodidbinding", "demo");
    pods.pod("unbound", "10.244.0.13", null, null);
    pods.pod("excepted", "10.244.0.14", "exempt", "true");
    pods.awaitAssigned("storage", "demo");
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
    if (network != null) {
      network.close();
      network = null;
      assertThat(NodeNetwork.present()).as("namespaces left behind").isEmpty();
    }
  }

  @Test
  @Order(1)
  void storageWorkloadCreatesAndListsAContainerOnAzurite() {
    scenario("storage: ManagedIdentityCredential + azure-storage-blob against Azurite over HTTPS with OAuth");
    Command run = cluster.runWorkload(storagePod, "io.podidentity.system.demo.StorageMain",
        "--account-url", NodeCluster.AZURITE_URL, "--container", "e2e-container",
        "--identity-client-id", DemoWorld.NO_RIGHTS_CLIENT_ID);
    System.out.println(indent(run.output()));
    assertThat(run.status()).as(run.output()).isZero();
    assertThat(run.output()).contains("container e2e-container", "blob hello.txt", "read back: hello from a pod");
  }

  @Test
  @Order(2)
  void demoWorkloadListsTheNodesVirtualMachines() {
    scenario("demo: the tutorial's workload lists the VMs of the nodes' resource group through ARM");
    Command run = cluster.runWorkload(demoPod, "io.podidentity.system.demo.DemoMain",
        "--subscription-id", DemoWorld.SUBSCRIPTION, "--resource-group", DemoWorld.NODE_RG,
        "--identity-client-id", DemoWorld.READER_CLIENT_ID,
        "--arm-url", "https://" + NodeNetwork.GATEWAY + ":" + NodeCluster.ARM_PORT + "/");
    System.out.println(indent(run.output()));
    assertThat(run.status()).as(run.output()).isZero();
    assertThat(run.output()).contains("successfully acquired a token", "vm count 1", DemoWorld.VM);
  }

  @Test
  @Order(3)
  void eachPodGetsTheTokenOfItsOwnIdentity() {
    scenario("attribution: each pod's token names the identity bound to that pod");
    assertThat(claims(curl(demoPod, imds(TOKEN_PATH + ARM)).body()).get("xms_mirid").getAsString())
        .isEqualTo(DemoWorld.identityId(DemoWorld.READER));
    assertThat(claims(curl(storagePod, imds(TOKEN_PATH + ARM)).body()).get("xms_mirid").getAsString())
        .isEqualTo(DemoWorld.identityId(DemoWorld.NO_RIGHTS));
  }

  @Test
  @Order(4)
  void podWithoutBindingGetsNotFoundAndNoToken() {
    scenario("no binding: 404 and no token");
    Http answer = curl(unboundPod, imds(TOKEN_PATH + ARM));
    assertThat(answer.status()).as(answer.body()).isEqualTo(404);
    assertThat(answer.body()).doesNotContain("access_token");
  }

  @Test
  @Order(5)
  void podWithExceptionLabelIsAnsweredWithTheNodesOwnToken() {
    scenario("exception: a pod labelled as excepted gets what IMDS gives the node itself");
    Http answer = curl(exceptedPod, imds(TOKEN_PATH + ARM));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(claims(answer.body()).get("xms_mirid").getAsString()).containsIgnoringCase(
        "/virtualMachineScaleSets/" + DemoWorld.SCALE_SET);
  }

  @Test
  @Order(6)
  void podCannotObtainAnotherPodsIdentity() {
    scenario("isolation: no client_id, msi_res_id or mi_res_id gets another pod's identity");
    List<String> selectors = List.of("client_id=" + DemoWorld.NO_RIGHTS_CLIENT_ID,
        "msi_res_id=" + DemoWorld.identityId(DemoWorld.NO_RIGHTS), "mi_res_id=" + DemoWorld.identityId(DemoWorld.NO_RIGHTS));
    for (String selector : selectors) {
      Http fromDemo = curl(demoPod, imds(TOKEN_PATH + ARM + "&" + selector));
      assertThat(fromDemo.status()).as(selector + ": " + fromDemo.body()).isNotEqualTo(200);
      assertThat(fromDemo.body()).doesNotContain("access_token");
      Http fromUnbound = curl(unboundPod, imds(TOKEN_PATH + ARM + "&" + selector.replace(DemoWorld.NO_RIGHTS,
          DemoWorld.READER).replace(DemoWorld.NO_RIGHTS_CLIENT_ID, DemoWorld.READER_CLIENT_ID)));
      assertThat(fromUnbound.status()).as(selector + ": " + fromUnbound.body()).isNotEqualTo(200);
      assertThat(fromUnbound.body()).doesNotContain("access_token");
    }
  }

  @Test
  @Order(7)
  void hostTokenEndpointIsUnreachableFromAPod() {
    scenario("/host/token: refused through the redirect, closed on the node's addresses");
    Http redirected = curl(storagePod, List.of("-H", "podns: default", "-H", "podname: demo",
        "http://" + NodeNetwork.IMDS_IP + "/host/token/?resource=" + ARM));
    assertThat(redirected.status()).as(redirected.body()).isNotEqualTo(200);
    assertThat(redirected.body()).doesNotContain("access_token");
    Command direct = Command.run(Duration.ofSeconds(30), NodeNetwork.exec(storagePod, "curl", "-s", "-m", "5",
        "-H", "podns: default", "-H", "podname: demo", "http://" + NodeNetwork.GATEWAY + ":2579/host/token/?resource="
        + ARM));
    assertThat(direct.status()).as("curl exit status (7: connection refused)").isEqualTo(7);
  }

  @Test
  @Order(8)
  void stoppingNmiRemovesItsRulesAndStartingRestoresThem() throws Exception {
    scenario("rules: NMI's chain and PREROUTING jump go with it and come back with it");
    assertThat(rules()).contains("-A PREROUTING -j aad-metadata", "-A aad-metadata ! -s 127.0.0.1/32 -d "
        + NodeNetwork.IMDS_IP + "/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination 127.0.0.1:2579");
    cluster.stopNmi();
    assertThat(rules()).doesNotContain("aad-metadata");
    cluster.startNmi();
    assertThat(rules()).contains("-A PREROUTING -j aad-metadata", "-N aad-metadata");
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> curl(demoPod, imds(TOKEN_PATH + ARM)).status() == 200);
  }

  private static String rules() {
    return NodeNetwork.node("iptables-nft", "-w", "-t", "nat", "-S").output();
  }

  private static List<String> imds(String pathAndQuery) {
    return List.of("-H", "Metadata: true", "http://" + NodeNetwork.IMDS_IP + pathAndQuery);
  }

  private static Http curl(String ns, List<String> args) {
    List<String> argv = new ArrayList<>(List.of("curl", "-s", "-m", "60", "-w", "\n%{http_code}"));
    argv.addAll(args);
    Command run = Command.run(Duration.ofSeconds(90), NodeNetwork.exec(ns, argv.toArray(String[]::new)));
    String out = run.output();
    int cut = out.lastIndexOf('\n');
    return new Http(Integer.parseInt(out.substring(cut + 1).trim()), out.substring(0, Math.max(cut, 0)));
  }

  private static JsonObject claims(String tokenJson) {
    String jwt = JsonParser.parseString(tokenJson).getAsJsonObject().get("access_token").getAsString();
    return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
        StandardCharsets.UTF_8)).getAsJsonObject();
  }

  private static void scenario(String name) {
    System.out.println("e2e scenario: " + name);
  }

  private static String indent(String output) {
    return output.lines().filter(l -> !l.startsWith("SLF4J")).map(l -> "    | " + l)
        .reduce((a, b) -> a + "\n" + b).orElse("");
  }

  private static String missingPrerequisite() {
    if (!Boolean.getBoolean("podidentity.e2e")) {
      return "run by make e2e (as root), which sets -De2e.run=true";
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return "needs root (network namespaces and iptables)";
    }
    for (String tool : List.of("ip", "iptables-nft", "curl", "kubectl", "openssl")) {
      if (Command.run(Duration.ofSeconds(10), List.of("sh", "-c", "command -v " + tool)).status() != 0) {
        return "needs " + tool;
      }
    }
    return null;
  }

  private record Http(int status, String body) {}
}
