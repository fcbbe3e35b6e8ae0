package io.podidentity.kubesim.table;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.json.Timestamps;
import java.time.Instant;
import java.util.List;

/**
 * The pod columns (NAME, READY, STATUS, RESTARTS, AGE; wide: IP, NODE, NOMINATED NODE, READINESS GATES) with the
 * printer's rules for the status reason: container waiting/terminated reasons win over the phase, and a pod with
 * a deletion timestamp that is not finished shows Terminating.
 */
final class PodPrinter implements TablePrinter {
  static final PodPrinter INSTANCE = new PodPrinter();

  private static final List<Column> COLUMNS = List.of(Column.nameColumn(),
      Column.of("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
      Column.of("Status", "string", "The aggregate status of the containers in this pod."),
      Column.of("Restarts", "string", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
      Column.age(),
      Column.wide("IP", "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."),
      Column.wide("Node", "NodeName indicates in which node this pod is scheduled."),
      Column.wide("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods."),
      Column.wide("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness."));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<JsonElement> cells(JsonObject pod, Instant now) {
    int total = size(JsonTree.at(pod, "spec", "containers"));
    int ready = 0;
    long restarts = 0;
    String phase = JsonTree.text(pod, "status", "phase");
    String reason = JsonTree.text(pod, "status", "reason").isEmpty() ? phase : JsonTree.text(pod, "status", "reason");
    Instant lastRestart = null;
    JsonElement statuses = JsonTree.at(pod, "status", "containerStatuses");
    if (statuses != null && statuses.isJsonArray()) {
      for (int i = statuses.getAsJsonArray().size() - 1; i >= 0; i--) {
        JsonElement c = statuses.getAsJsonArray().get(i);
        JsonElement count = JsonTree.at(c, "restartCount");
        restarts += count != null && count.isJsonPrimitive() ? count.getAsLong() : 0;
        Instant finished = Timestamps.parse(JsonTree.string(c, "lastState", "terminated", "finishedAt"));
        if (finished != null && (lastRestart == null || finished.isAfter(lastRestart))) {
          lastRestart = finished;
        }
        String waiting = JsonTree.text(c, "state", "waiting", "reason");
        String terminated = JsonTree.text(c, "state", "terminated", "reason");
        JsonElement readyFlag = JsonTree.at(c, "ready");
        if (!waiting.isEmpty()) {
          reason = waiting;
        } else if (!terminated.isEmpty()) {
          reason = terminated;
        } else if (readyFlag != null && readyFlag.getAsBoolean() && JsonTree.at(c, "state", "running") != null) {
          ready++;
        }
      }
    }
    if (Meta.isDeleting(pod) && !phase.equals("Succeeded") && !phase.equals("Failed")) {
      reason = "Terminating";
    }
    String restartText = restarts != 0 && lastRestart != null
        ? restarts + " (" + HumanDuration.since(lastRestart, now) + " ago)"
        : Long.toString(restarts);
    int gates = size(JsonTree.at(pod, "spec", "readinessGates"));
    return List.of(Cells.name(pod), Cells.text(ready + "/" + total), Cells.text(reason), Cells.text(restartText),
        Cells.age(pod, now), Cells.orNone(podIp(pod)), Cells.orNone(JsonTree.text(pod, "spec", "nodeName")),
        Cells.orNone(JsonTree.text(pod, "status", "nominatedNodeName")),
        Cells.text(gates == 0 ? "<none>" : readyGates(pod) + "/" + gates));
  }

  private static String podIp(JsonObject pod) {
    JsonElement ips = JsonTree.at(pod, "status", "podIPs");
    if (ips != null && ips.isJsonArray() && !ips.getAsJsonArray().isEmpty()) {
      return JsonTree.text(ips.getAsJsonArray().get(0), "ip");
    }
    return "";
  }

  private static int readyGates(JsonObject pod) {
    int ready = 0;
    JsonElement gates = JsonTree.at(pod, "spec", "readinessGates");
    JsonElement conditions = JsonTree.at(pod, "status", "conditions");
    if (gates == null || conditions == null || !conditions.isJsonArray()) {
      return 0;
    }
    for (JsonElement g : gates.getAsJsonArray()) {
      for (JsonElement c : conditions.getAsJsonArray()) {
        if (JsonTree.text(g, "conditionType").equals(JsonTree.text(c, "type")) && "True".equals(JsonTree.text(c, "status"))) {
          ready++;
        }
      }
    }
    return ready;
  }

  private static int size(JsonElement e) {
    return e != null && e.isJsonArray() ? e.getAsJsonArray().size() : 0;
  }
}
