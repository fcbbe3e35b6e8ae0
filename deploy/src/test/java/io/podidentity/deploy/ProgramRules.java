package io.podidentity.deploy;

import static io.podidentity.deploy.Manifest.bool;
import static io.podidentity.deploy.Manifest.object;
import static io.podidentity.deploy.Manifest.objects;
import static io.podidentity.deploy.Manifest.strings;
import static io.podidentity.deploy.Manifest.text;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the MIC Deployment and the NMI DaemonSet need in every overlay: the original's selectors (immutable, so an
 * existing installation is updated in place), health probes on the right ports, the downward-API variables, the
 * original's NMI flags, and the host files NMI works with.
 */
final class ProgramRules {
  static final Map<String, String> MIC_SELECTOR = Map.of("component", "mic", "app", "mic");
  static final Map<String, String> NMI_SELECTOR = Map.of("component", "nmi", "tier", "node");
  static final String CONFIG_DIRECTORY = "/etc/podidentity";

  private ProgramRules() {}

  static List<String> mic(Manifest mic) {
    List<String> problems = new ArrayList<>();
    JsonObject container = mic.container("mic");
    selector(mic, MIC_SELECTOR, problems);
    probes(mic, container, 8080, problems);
    fieldRef(mic, container, "MIC_POD_NAMESPACE", "metadata.namespace", problems);
    if (!object(mic.podSpec(), "affinity").has("podAntiAffinity")) {
      problems.add(mic + ": no pod anti-affinity between replicas");
    }
    return problems;
  }

  static List<String> nmi(Manifest nmi) {
    List<String> problems = new ArrayList<>();
    JsonObject pod = nmi.podSpec();
    JsonObject container = nmi.container("nmi");
    selector(nmi, NMI_SELECTOR, problems);
    probes(nmi, container, 8085, problems);
    fieldRef(nmi, container, "NODE_NAME", "spec.nodeName", problems);
    if (!bool(pod, "hostNetwork").orElse(false)) {
      problems.add(nmi + ": not on the host network");
    }
    if (!text(pod, "dnsPolicy").orElse("").equals("ClusterFirstWithHostNet")) {
      problems.add(nmi + ": dnsPolicy is not ClusterFirstWithHostNet");
    }
    if (objects(pod, "tolerations").stream().noneMatch(t -> t.entrySet().size() == 1
        && text(t, "operator").orElse("").equals("Exists"))) {
      problems.add(nmi + ": does not tolerate every taint");
    }
    for (String flag : List.of("--node=$(NODE_NAME)", "--http-probe-port=8085", "--metadata-header-required=true")) {
      if (!strings(container, "args").contains(flag)) {
        problems.add(nmi + ": lacks " + flag);
      }
    }
    hostFile(nmi, container, "/run/xtables.lock", false, problems);
    hostFile(nmi, container, "/etc/default/kubelet", true, problems);
    if (pod.has("terminationGracePeriodSeconds") && pod.get("terminationGracePeriodSeconds").getAsInt() < 30) {
      problems.add(nmi + ": less than 30 s to remove its iptables rules on termination");
    }
    if (!text(object(container, "securityContext"), "runAsUser").orElse("").equals("0")) {
      problems.add(nmi + ": iptables needs uid 0");
    }
    return problems;
  }

  /** The ConfigMap volume mounted at {@link #CONFIG_DIRECTORY}, as (volume, mount); fails when there is none. */
  static JsonObject configVolume(Manifest workload, JsonObject container) {
    String volume = objects(container, "volumeMounts").stream()
        .filter(m -> text(m, "mountPath").orElse("").equals(CONFIG_DIRECTORY))
        .map(m -> text(m, "name").orElseThrow())
        .findFirst()
        .orElseThrow(() -> new AssertionError(workload + ": nothing mounted at " + CONFIG_DIRECTORY));
    return objects(workload.podSpec(), "volumes").stream()
        .filter(v -> text(v, "name").orElse("").equals(volume))
        .map(v -> object(v, "configMap"))
        .findFirst()
        .orElseThrow();
  }

  private static void selector(Manifest workload, Map<String, String> expected, List<String> problems) {
    JsonObject selector = workload.at("spec", "selector", "matchLabels");
    Map<String, String> actual = new java.util.HashMap<>();
    selector.entrySet().forEach(e -> actual.put(e.getKey(), e.getValue().getAsString()));
    if (!actual.equals(expected)) {
      problems.add(workload + ": selector " + actual + " is not the original's " + expected);
    }
  }

  private static void probes(Manifest workload, JsonObject container, int port, List<String> problems) {
    Map<String, String> paths = Map.of("livenessProbe", "/health/live", "readinessProbe", "/health/ready");
    paths.forEach((probe, path) -> {
      JsonObject check = object(container, probe);
      if (!text(object(check, "httpGet"), "path").orElse("").equals(path)
          || WorkloadRules.probePort(container, check) != port) {
        problems.add(workload + ": " + probe + " is not GET " + path + " on port " + port);
      }
    });
  }

  private static void fieldRef(Manifest workload, JsonObject container, String variable, String field,
      List<String> problems) {
    boolean found = objects(container, "env").stream().anyMatch(e -> text(e, "name").orElse("").equals(variable)
        && text(object(object(e, "valueFrom"), "fieldRef"), "fieldPath").orElse("").equals(field));
    if (!found) {
      problems.add(workload + ": " + variable + " is not taken from " + field);
    }
  }

  private static void hostFile(Manifest workload, JsonObject container, String path, boolean readOnly,
      List<String> problems) {
    String volume = objects(workload.podSpec(), "volumes").stream()
        .filter(v -> text(object(v, "hostPath"), "path").orElse("").equals(path))
        .map(v -> text(v, "name").orElseThrow())
        .findFirst()
        .orElse("");
    boolean mounted = objects(container, "volumeMounts").stream()
        .anyMatch(m -> text(m, "name").orElse("").equals(volume) && text(m, "mountPath").orElse("").equals(path)
            && bool(m, "readOnly").orElse(false) == readOnly);
    if (volume.isEmpty() || !mounted) {
      problems.add(workload + ": host file " + path + " is not mounted at the same path"
          + (readOnly ? ", read-only" : ", writable"));
    }
  }
}
