package io.podidentity.system.sandbox;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.system.kube.KubeApi;
import io.podidentity.system.process.ChildProcess;
import io.podidentity.system.world.DemoWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The tutorial of docs/tutorial.md, played against the sandbox with the manifests of {@code k8s/demo} (their
 * placeholder ids replaced by the demo world's): the identity with Reader lists the nodes' VMs, and the same
 * workload bound to the identity without rights meets ARM's 403 AuthorizationFailed. The pods' workload runs as a
 * process whose connections leave from the pod's address, with the pod's own arguments.
 */
final class Tutorial {
  private static final Gson GSON = new Gson();
  private static final String CRD_PATH = "/apis/aadpodidentity.k8s.io/v1/namespaces/default/";
  private final Sandbox sandbox;
  private final KubeApi kube;
  private final List<String> checks = new ArrayList<>();
  private boolean passed = true;

  Tutorial(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.kube = sandbox.kube();
  }

  /** Plays both parts; true when every check held. */
  boolean run() throws IOException {
    part("demo", DemoWorld.READER, DemoWorld.READER_CLIENT_ID, 0, "vm count 1");
    part("demo-norights", DemoWorld.NO_RIGHTS, DemoWorld.NO_RIGHTS_CLIENT_ID, 3, "AuthorizationFailed");
    System.out.println();
    System.out.println("summary:");
    checks.forEach(c -> System.out.println("  " + c));
    return passed;
  }

  private void part(String name, String identity, String clientId, int expectedStatus, String expectedLine)
      throws IOException {
    System.out.println();
    System.out.println("tutorial: pod '" + name + "' with user-assigned identity '" + identity + "'");
    apply("azureidentities", "azureidentity.yaml", name, m -> {
      Map<String, Object> spec = map(m.get("spec"));
      spec.put("resourceID", DemoWorld.identityId(identity));
      spec.put("clientID", clientId);
    });
    apply("azureidentitybindings", "azureidentitybinding.yaml", name + "-binding", m -> {
      Map<String, Object> spec = map(m.get("spec"));
      spec.put("azureIdentity", name);
      spec.put("selector", name);
    });
    List<String> args = List.of("--subscription-id=" + DemoWorld.SUBSCRIPTION,
        "--resource-group=" + DemoWorld.NODE_RG, "--identity-client-id=" + clientId);
    apply("pods", "pod.yaml", name, m -> {
      map(m.get("metadata")).put("labels", new java.util.HashMap<>(Map.of("aadpodidbinding", name)));
      Map<String, Object> container = map(((List<?>) map(m.get("spec")).get("containers")).get(0));
      container.put("args", args);
    });
    JsonObject pod = kube.await("/api/v1/namespaces/default/pods/" + name,
        p -> KubeApi.text(p, "status.phase").equals("Running") && !KubeApi.text(p, "status.podIP").isEmpty(),
        Duration.ofSeconds(30), "pod " + name + " Running");
    String podIp = KubeApi.text(pod, "status.podIP");
    say("pod " + name + " is Running on node " + KubeApi.text(pod, "spec.nodeName") + " with IP " + podIp);
    awaitAssigned(name);
    check(true, "MIC assigned '" + identity + "' to pod " + name + " (AzureAssignedIdentity Assigned)");
    runWorkload(name, podIp, args, expectedStatus, expectedLine);
  }

  private void apply(String plural, String file, String name, java.util.function.Consumer<Map<String, Object>> edit)
      throws IOException {
    Map<String, Object> manifest = map(new Yaml().load(Files.readString(sandbox.root().resolve("k8s/demo/" + file))));
    map(manifest.get("metadata")).put("name", name);
    edit.accept(manifest);
    String collection = plural.equals("pods") ? "/api/v1/namespaces/default/pods" : CRD_PATH + plural;
    kube.create(collection, GSON.toJson(manifest));
    say("created " + manifest.get("kind") + " " + name + " (from k8s/demo/" + file + ")");
  }

  private void awaitAssigned(String pod) {
    kube.await(CRD_PATH + "azureassignedidentities", list -> {
      for (JsonElement item : list.getAsJsonArray("items")) {
        JsonObject aai = item.getAsJsonObject();
        if (KubeApi.text(aai, "spec.pod").equals(pod) && KubeApi.text(aai, "status.status").equals("Assigned")) {
          say("AzureAssignedIdentity " + KubeApi.text(aai, "metadata.name") + " is Assigned");
          return true;
        }
      }
      return false;
    }, Duration.ofSeconds(60), "the AzureAssignedIdentity of pod " + pod + " to be Assigned");
  }

  private void runWorkload(String pod, String podIp, List<String> args, int expectedStatus, String expectedLine)
      throws IOException {
    Map<String, String> env = sandbox.env();
    List<String> command = new ArrayList<>(ChildProcess.java("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Djavax.net.ssl.trustStore=" + env.get("TRUST_STORE"),
        "-Djavax.net.ssl.trustStorePassword=" + env.get("TRUST_STORE_PASSWORD"),
        "-Djavax.net.ssl.trustStoreType=PKCS12", "-cp", ownJar().toString(),
        "io.podidentity.system.demo.DemoMain"));
    command.addAll(args);
    command.addAll(List.of("--arm-url=" + env.get("ARM_URL"), "--bind=" + podIp));
    say("running the demo workload as pod " + pod + " (from " + podIp + ", IMDS at " + env.get("NMI_URL") + ")");
    Path log = sandbox.out().resolve("logs/workload-" + pod + ".log");
    ChildProcess workload = ChildProcess.startClean("workload-" + pod, command,
        Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", env.get("NMI_URL")), log);
    int status = workload.awaitExit(Duration.ofSeconds(180));
    workload.output().lines().filter(l -> !l.startsWith("SLF4J")).forEach(l -> System.out.println("    " + pod + " | " + l));
    boolean ok = status == expectedStatus && workload.output().contains(expectedLine);
    check(ok, "pod " + pod + ": workload exited " + status + " and printed '" + expectedLine + "'");
  }

  private void check(boolean ok, String what) {
    passed &= ok;
    checks.add((ok ? "[ok]   " : "[FAIL] ") + what);
  }

  private static void say(String line) {
    System.out.println("  - " + line);
  }

  private static Path ownJar() {
    try {
      return Path.of(Tutorial.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
