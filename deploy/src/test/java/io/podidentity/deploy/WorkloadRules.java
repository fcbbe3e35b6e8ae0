package io.podidentity.deploy;

import static io.podidentity.deploy.Manifest.bool;
import static io.podidentity.deploy.Manifest.object;
import static io.podidentity.deploy.Manifest.objects;
import static io.podidentity.deploy.Manifest.strings;
import static io.podidentity.deploy.Manifest.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.custom.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every Deployment and DaemonSet we ship must satisfy, whatever the overlay: resources, a locked-down
 * security context, a service account that exists, selectors that select the template. Each check returns the
 * violations it found, worded so that a failing test names the object and the field.
 */
final class WorkloadRules {
  /** The capabilities a workload may add: iptables needs both; nothing else adds any. */
  static final Map<String, Set<String>> ADDED_CAPABILITIES =
      Map.of("nmi", Set.of("NET_ADMIN", "NET_RAW"), "nmi-cleanup", Set.of("NET_ADMIN", "NET_RAW"));
  private static final Set<String> HOST_NETWORK = Set.of("nmi", "nmi-cleanup");

  private WorkloadRules() {}

  static List<String> check(Manifest workload, Rendering rendering) {
    List<String> problems = new ArrayList<>();
    JsonObject pod = workload.podSpec();
    selectorSelectsTemplate(workload, problems);
    serviceAccountExists(workload, rendering, problems);
    if (bool(pod, "hostNetwork").orElse(false) && !HOST_NETWORK.contains(workload.name())) {
      problems.add(workload + ": hostNetwork is only for NMI");
    }
    for (String hostNamespace : List.of("hostPID", "hostIPC")) {
      if (bool(pod, hostNamespace).orElse(false)) {
        problems.add(workload + ": " + hostNamespace + " is set");
      }
    }
    for (JsonObject container : workload.containers()) {
      String where = workload + " container " + text(container, "name").orElse("?");
      resources(where, object(container, "resources"), problems);
      securityContext(where, object(container, "securityContext"),
          ADDED_CAPABILITIES.getOrDefault(workload.name(), Set.of()), problems);
    }
    return problems;
  }

  private static void selectorSelectsTemplate(Manifest workload, List<String> problems) {
    JsonObject selector = workload.at("spec", "selector", "matchLabels");
    JsonObject labels = workload.at("spec", "template", "metadata", "labels");
    for (Map.Entry<String, JsonElement> label : selector.entrySet()) {
      if (!label.getValue().equals(labels.get(label.getKey()))) {
        problems.add(workload + ": selector " + label.getKey() + "=" + label.getValue() + " is not a template label");
      }
    }
    if (selector.entrySet().isEmpty()) {
      problems.add(workload + ": no selector labels");
    }
  }

  private static void serviceAccountExists(Manifest workload, Rendering rendering, List<String> problems) {
    JsonObject pod = workload.podSpec();
    if (!bool(pod, "automountServiceAccountToken").orElse(true)) {
      return;
    }
    String account = text(pod, "serviceAccountName").orElse("");
    String namespace = workload.namespace().orElse("");
    if (account.isEmpty() || !rendering.has("ServiceAccount", namespace, account)) {
      problems.add(workload + ": service account '" + account + "' is not rendered in namespace " + namespace);
    }
  }

  private static void resources(String where, JsonObject resources, List<String> problems) {
    for (String resource : List.of("cpu", "memory")) {
      var request = text(object(resources, "requests"), resource);
      var limit = text(object(resources, "limits"), resource);
      if (request.isEmpty() || limit.isEmpty()) {
        problems.add(where + ": needs a " + resource + " request and limit");
      } else if (new Quantity(request.get()).getNumber().compareTo(new Quantity(limit.get()).getNumber()) > 0) {
        problems.add(where + ": " + resource + " request " + request.get() + " exceeds limit " + limit.get());
      }
    }
  }

  private static void securityContext(String where, JsonObject context, Set<String> mayAdd, List<String> problems) {
    if (bool(context, "privileged").orElse(false)) {
      problems.add(where + ": privileged");
    }
    if (bool(context, "allowPrivilegeEscalation").orElse(true)) {
      problems.add(where + ": allowPrivilegeEscalation is not false");
    }
    if (!bool(context, "readOnlyRootFilesystem").orElse(false)) {
      problems.add(where + ": root filesystem is writable");
    }
    JsonObject capabilities = object(context, "capabilities");
    if (!strings(capabilities, "drop").contains("ALL")) {
      problems.add(where + ": does not drop ALL capabilities");
    }
    for (String added : strings(capabilities, "add")) {
      if (!mayAdd.contains(added)) {
        problems.add(where + ": adds capability " + added);
      }
    }
  }

  /** The container port a probe's {@code port} (a number or a port name) designates, or -1. */
  static int probePort(JsonObject container, JsonObject probe) {
    JsonElement port = object(probe, "httpGet").get("port");
    if (port == null) {
      return -1;
    }
    if (port.getAsJsonPrimitive().isNumber()) {
      return port.getAsInt();
    }
    return objects(container, "ports").stream()
        .filter(p -> text(p, "name").orElse("").equals(port.getAsString()))
        .mapToInt(p -> p.get("containerPort").getAsInt())
        .findFirst()
        .orElse(-1);
  }
}
