package io.podidentity.kubesim.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.json.Timestamps;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.Registry;
import io.podidentity.kubesim.store.ObjectStore;
import io.podidentity.kubesim.store.StoredEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's scheduler, kubelets and pod garbage collector in one loop: an unscheduled pod is bound to the
 * next Node (round robin), a pod on an existing node gets an address from the pool and goes Pending (with its
 * IP) then Running, a gracefully deleted pod is confirmed gone, and pods of a deleted node are deleted. Nodes
 * without a Ready condition are reported Ready.
 */
public final class SandboxKubelet extends Controller {
  private static final java.util.Set<Integer> EXPECTED = java.util.Set.of(404, 409);
  private final Registry registry;
  private final ObjectStore store;
  private final IpPool pool;
  private final Clock clock;
  private final PodStatuses statuses;
  private int nextNode;

  public SandboxKubelet(Registry registry, IpPool pool, Clock clock) {
    super(registry.context().store().log(), "sandbox-kubelet");
    this.registry = registry;
    this.store = registry.context().store();
    this.pool = pool;
    this.clock = clock;
    this.statuses = new PodStatuses(clock);
  }

  @Override
  protected void reconcile(List<StoredEvent> events, boolean idle) {
    boolean relevant = idle || events.stream().anyMatch(e -> e.bucket().equals("pods") || e.bucket().equals("nodes"));
    if (!relevant) {
      return;
    }
    events.stream().filter(e -> e.bucket().equals("pods") && e.type() == StoredEvent.Type.DELETED)
        .forEach(e -> release(e.object()));
    List<JsonObject> nodes = store.list("nodes", null).items();
    nodes.forEach(this::reportReady);
    for (JsonObject pod : store.list("pods", null).items()) {
      ignoring(EXPECTED, () -> handlePod(pod, nodes));
    }
  }

  private void handlePod(JsonObject pod, List<JsonObject> nodes) {
    String nodeName = JsonTree.text(pod, "spec", "nodeName");
    JsonObject node = nodes.stream().filter(n -> Meta.name(n).equals(nodeName)).findFirst().orElse(null);
    if (Meta.isDeleting(pod)) {
      if (node != null || nodeName.isEmpty()) {
        registry.delete(pods(), Meta.namespace(pod), Meta.name(pod), 0L, null, null);
      }
      return;
    }
    if (nodeName.isEmpty()) {
      schedule(pod, nodes);
    } else if (node == null) {
      registry.delete(pods(), Meta.namespace(pod), Meta.name(pod), 0L, null, null);
    } else {
      start(pod, node);
    }
  }

  private void schedule(JsonObject pod, List<JsonObject> nodes) {
    List<JsonObject> schedulable = new ArrayList<>();
    for (JsonObject n : nodes) {
      JsonElement unschedulable = JsonTree.at(n, "spec", "unschedulable");
      if (!Meta.isDeleting(n) && (unschedulable == null || !unschedulable.getAsBoolean())) {
        schedulable.add(n);
      }
    }
    if (schedulable.isEmpty()) {
      return;
    }
    bind(pod, Meta.name(schedulable.get(Math.floorMod(nextNode++, schedulable.size()))));
  }

  private void bind(JsonObject pod, String node) {
    store.write(tx -> {
      JsonObject current = tx.get("pods", Meta.namespace(pod), Meta.name(pod));
      if (current == null || !JsonTree.text(current, "spec", "nodeName").isEmpty()) {
        return null;
      }
      JsonObject bound = current.deepCopy();
      JsonTree.child(bound, "spec").addProperty("nodeName", node);
      statuses.scheduled(bound);
      return tx.put("pods", bound);
    });
  }

  private void start(JsonObject pod, JsonObject node) {
    String phase = JsonTree.text(pod, "status", "phase");
    if (!phase.equals("Pending")) {
      return;
    }
    String podIp = JsonTree.text(pod, "status", "podIP");
    if (podIp.isEmpty()) {
      String ip = hostNetwork(pod) ? nodeIp(node) : pool.allocate();
      if (ip == null) {
        return;
      }
      registry.modify(pods(), Meta.namespace(pod), Meta.name(pod), "status", p -> statuses.creating(p, nodeIp(node), ip));
      return;
    }
    pool.reserve(podIp);
    registry.modify(pods(), Meta.namespace(pod), Meta.name(pod), "status", statuses::running);
  }

  private void reportReady(JsonObject node) {
    JsonElement conditions = JsonTree.at(node, "status", "conditions");
    if (conditions != null && conditions.isJsonArray() && !conditions.getAsJsonArray().isEmpty()) {
      return;
    }
    ignoring(EXPECTED, () -> registry.modify(nodes(), "", Meta.name(node), "status", n -> {
      JsonObject status = JsonTree.child(n, "status");
      JsonArray list = new JsonArray();
      JsonObject ready = new JsonObject();
      ready.addProperty("type", "Ready");
      ready.addProperty("status", "True");
      ready.addProperty("reason", "KubeletReady");
      ready.addProperty("message", "kubelet is posting ready status");
      ready.addProperty("lastHeartbeatTime", Timestamps.seconds(clock.instant()));
      ready.addProperty("lastTransitionTime", Timestamps.seconds(clock.instant()));
      list.add(ready);
      status.add("conditions", list);
      JsonObject info = JsonTree.child(status, "nodeInfo");
      if (!info.has("kubeletVersion")) {
        info.addProperty("kubeletVersion", "v1.32.0");
      }
      return n;
    }));
  }

  private void release(JsonObject pod) {
    String ip = JsonTree.text(pod, "status", "podIP");
    if (!ip.isEmpty() && !hostNetwork(pod)) {
      pool.release(ip);
    }
  }

  private static boolean hostNetwork(JsonObject pod) {
    JsonElement h = JsonTree.at(pod, "spec", "hostNetwork");
    return h != null && h.isJsonPrimitive() && h.getAsBoolean();
  }

  private static String nodeIp(JsonObject node) {
    JsonElement addresses = JsonTree.at(node, "status", "addresses");
    if (addresses != null && addresses.isJsonArray()) {
      for (JsonElement a : addresses.getAsJsonArray()) {
        if ("InternalIP".equals(JsonTree.text(a, "type"))) {
          return JsonTree.text(a, "address");
        }
      }
    }
    return "127.0.0.1";
  }

  private ApiResource pods() {
    return registry.context().resources().find("", "v1", "pods");
  }

  private ApiResource nodes() {
    return registry.context().resources().find("", "v1", "nodes");
  }

}
