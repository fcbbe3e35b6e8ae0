package io.podidentity.system.e2e;

import io.podidentity.system.process.Pause;
import io.podidentity.system.world.DemoWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The cluster objects of the system tests, written with kubectl: identities with their bindings, an exception, and
 * pods on the first node whose status (Running, the address of their namespace) a kubelet would report.
 */
final class Pods {
  private final NodeCluster cluster;

  Pods(NodeCluster cluster) {
    this.cluster = cluster;
  }

  /** AzureIdentity {@code name} for a user-assigned identity, and a binding with selector {@code name}. */
  void identity(String name, String uami, String clientId) {
    cluster.kubectlIn("""
        apiVersion: aadpodidentity.k8s.io/v1
        kind: AzureIdentity
        metadata: {name: %s, namespace: default}
        spec: {type: 0, resourceID: %s, clientID: %s}
        ---
        apiVersion: aadpodidentity.k8s.io/v1
        kind: AzureIdentityBinding
        metadata: {name: %s-binding, namespace: default}
        spec: {azureIdentity: %s, selector: %s}
        """.formatted(name, DemoWorld.identityId(uami), clientId, name, name, name), "apply", "-f", "-");
  }

  void exception(String label, String value) {
    cluster.kubectlIn("""
        apiVersion: aadpodidentity.k8s.io/v1
        kind: AzurePodIdentityException
        metadata: {name: e2e-exception, namespace: default}
        spec: {podLabels: {%s: "%s"}}
        """.formatted(label, value), "apply", "-f", "-");
  }

  /** A Running pod with address {@code ip}, labelled {@code label=value} unless label is null. */
  void pod(String name, String ip, String label, String value) {
    String labels = label == null ? "{}" : "{%s: \"%s\"}".formatted(label, value);
    cluster.kubectlIn("""
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: default, labels: %s}
        spec:
          nodeName: %s
          containers: [{name: app, image: podidentity/demo:0.1.0}]
        """.formatted(name, labels, DemoWorld.NODES.get(0)), "apply", "-f", "-");
    cluster.kubectl("patch", "pod", name, "--subresource=status", "--type=merge", "-p",
        "{\"status\":{\"phase\":\"Running\",\"podIP\":\"%s\",\"podIPs\":[{\"ip\":\"%s\"}],\"hostIP\":\"%s\"}}"
            .formatted(ip, ip, NodeNetwork.GATEWAY));
  }

  /** Waits until MIC reports the AzureAssignedIdentity of every named pod Assigned. */
  void awaitAssigned(String... pods) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    String states = "";
    while (Instant.now().isBefore(deadline)) {
      states = cluster.kubectl("get", "azureassignedidentities", "-o",
          "jsonpath={range .items[*]}{.spec.pod}={.status.status}{\"\\n\"}{end}");
      String current = states;
      if (List.of(pods).stream().allMatch(p -> current.lines().anyMatch(l -> l.equals(p + "=Assigned")))) {
        return;
      }
      Pause.millis(500);
    }
    throw new IllegalStateException("identities not Assigned within 90s: " + states);
  }
}
