package io.podidentity.kubesim.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Timestamps;
import java.time.Clock;

/** The pod statuses the simulated scheduler and kubelet write, shaped like a real kubelet's. */
final class PodStatuses {
  private final Clock clock;

  PodStatuses(Clock clock) {
    this.clock = clock;
  }

  void scheduled(JsonObject pod) {
    JsonObject status = JsonTree.child(pod, "status");
    JsonArray conditions = new JsonArray();
    conditions.add(condition("PodScheduled", "True"));
    status.add("conditions", conditions);
  }

  /** Pending with addresses and containers being created. */
  JsonObject creating(JsonObject pod, String hostIp, String podIp) {
    JsonObject status = JsonTree.child(pod, "status");
    status.addProperty("phase", "Pending");
    status.addProperty("hostIP", hostIp);
    status.add("hostIPs", ips(hostIp));
    status.addProperty("podIP", podIp);
    status.add("podIPs", ips(podIp));
    status.addProperty("startTime", now());
    JsonArray conditions = new JsonArray();
    for (String type : new String[] {"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"}) {
      boolean ready = type.equals("Initialized") || type.equals("PodScheduled");
      conditions.add(condition(type, ready ? "True" : "False"));
    }
    status.add("conditions", conditions);
    status.add("containerStatuses", containers(pod, false));
    return pod;
  }

  /** Running with every container started and ready. */
  JsonObject running(JsonObject pod) {
    JsonObject status = JsonTree.child(pod, "status");
    status.addProperty("phase", "Running");
    JsonArray conditions = new JsonArray();
    for (String type : new String[] {"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"}) {
      conditions.add(condition(type, "True"));
    }
    status.add("conditions", conditions);
    status.add("containerStatuses", containers(pod, true));
    return pod;
  }

  private JsonArray containers(JsonObject pod, boolean running) {
    JsonArray out = new JsonArray();
    JsonElement containers = JsonTree.at(pod, "spec", "containers");
    if (containers == null || !containers.isJsonArray()) {
      return out;
    }
    for (JsonElement c : containers.getAsJsonArray()) {
      JsonObject s = new JsonObject();
      s.addProperty("name", JsonTree.text(c, "name"));
      s.addProperty("image", JsonTree.text(c, "image"));
      s.addProperty("imageID", "");
      s.addProperty("ready", running);
      s.addProperty("restartCount", 0);
      s.addProperty("started", running);
      JsonObject state = new JsonObject();
      JsonObject detail = new JsonObject();
      if (running) {
        detail.addProperty("startedAt", now());
        state.add("running", detail);
        s.addProperty("containerID", "containerd://" + Integer.toHexString(JsonTree.text(c, "name").hashCode()));
      } else {
        detail.addProperty("reason", "ContainerCreating");
        state.add("waiting", detail);
      }
      s.add("state", state);
      out.add(s);
    }
    return out;
  }

  private JsonObject condition(String type, String status) {
    JsonObject c = new JsonObject();
    c.addProperty("type", type);
    c.addProperty("status", status);
    c.add("lastProbeTime", com.google.gson.JsonNull.INSTANCE);
    c.addProperty("lastTransitionTime", now());
    return c;
  }

  private static JsonArray ips(String ip) {
    JsonArray a = new JsonArray();
    JsonObject o = new JsonObject();
    o.addProperty("ip", ip);
    a.add(o);
    return a;
  }

  private String now() {
    return Timestamps.seconds(clock.instant());
  }
}
