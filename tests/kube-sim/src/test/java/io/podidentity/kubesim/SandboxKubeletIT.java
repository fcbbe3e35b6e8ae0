package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With the sandbox kubelet on, pods are scheduled round robin over the nodes, get loopback addresses from the
 * pod CIDR, go Pending then Running, are deleted gracefully, and go away with their node.
 */
class SandboxKubeletIT {
  private static final String PODS = "/api/v1/namespaces/default/pods";

  private KubeSimulator sim;
  private SimHttp http;

  @BeforeEach
  void start() {
    sim = KubeSimulator.builder().kubelet(true).podCidr("127.0.10.0/24").start();
    http = new SimHttp(sim);
    Fixtures.awaitSettled(sim);
    http.post("/api/v1/nodes", Fixtures.node("node-a"));
    http.post("/api/v1/nodes", Fixtures.node("node-b"));
    await().atMost(Duration.ofSeconds(5)).until(() -> http.table("/api/v1/nodes").toString().contains("\"Ready\""));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void podsAreScheduledRoundRobinAndRunWithLoopbackAddresses() {
    String from = String.valueOf(sim.resourceVersion());
    for (int i = 0; i < 4; i++) {
      http.post(PODS, Fixtures.pod("p" + i, "demo"));
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> running() == 4);
    List<String> nodes = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    for (JsonObject pod : sim.list("v1", "pods", "default")) {
      nodes.add(pod.getAsJsonObject("spec").get("nodeName").getAsString());
      ips.add(pod.getAsJsonObject("status").get("podIP").getAsString());
    }
    assertThat(nodes).containsExactlyInAnyOrder("node-a", "node-a", "node-b", "node-b");
    assertThat(ips).doesNotHaveDuplicates().allMatch(ip -> ip.startsWith("127.0.10."));
    try (SimHttp.WatchLines w = http.watch(PODS + "?watch=1&timeoutSeconds=1&fieldSelector=metadata.name%3Dp0&resourceVersion=" + from)) {
      List<String> phases = new ArrayList<>();
      for (JsonObject e = w.next(); e != null; e = w.next()) {
        JsonObject status = e.getAsJsonObject("object").getAsJsonObject("status");
        phases.add(status.get("phase").getAsString() + (status.has("podIP") ? "+ip" : ""));
      }
      assertThat(phases).containsSubsequence("Pending", "Pending+ip", "Running+ip");
    }
  }

  @Test
  void runningPodIsDeletedGracefullyAndPodsOfADeletedNodeGoAway() {
    http.post(PODS, Fixtures.pod("graceful", "demo"));
    http.post(PODS, Fixtures.pod("other", "demo"));
    await().atMost(Duration.ofSeconds(5)).until(() -> running() == 2);
    JsonObject deleting = http.delete(PODS + "/graceful").json();
    assertThat(deleting.getAsJsonObject("metadata").get("deletionGracePeriodSeconds").getAsLong()).isEqualTo(30);
    await().atMost(Duration.ofSeconds(5)).until(() -> http.get(PODS + "/graceful").code() == 404);

    String node = sim.get("v1", "pods", "default", "other").getAsJsonObject("spec").get("nodeName").getAsString();
    http.delete("/api/v1/nodes/" + node);
    await().atMost(Duration.ofSeconds(5)).until(() -> http.get(PODS + "/other").code() == 404);
  }

  private long running() {
    return sim.list("v1", "pods", "default").stream()
        .filter(p -> "Running".equals(p.getAsJsonObject("status").get("phase").getAsString())).count();
  }
}
