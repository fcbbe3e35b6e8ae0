package io.podidentity.kubesim.table;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The columns and cells the apiserver's printers ({@code pkg/printers/internalversion}) produce for the built-in
 * kinds the simulator serves, and the default convertor (Name, Created At) for everything else.
 */
public final class BuiltinPrinters {
  private BuiltinPrinters() {}

  public static TablePrinter pods() {
    return PodPrinter.INSTANCE;
  }

  public static TablePrinter events() {
    return EventPrinter.INSTANCE;
  }

  public static TablePrinter nodes() {
    return new RowPrinter(List.of(Column.nameColumn(), Column.of("Status", "string", "The status of the node"),
        Column.of("Roles", "string", "The roles of the node"), Column.age(),
        Column.of("Version", "string", "Kubelet Version reported by the node."),
        Column.wide("Internal-IP", "List of addresses reachable to the node."),
        Column.wide("External-IP", "List of addresses reachable to the node."),
        Column.wide("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy))."),
        Column.wide("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
        Column.wide("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).")),
        (node, now) -> List.of(Cells.name(node), Cells.text(nodeStatus(node)), Cells.orNone(roles(node)),
            Cells.age(node, now), Cells.text(JsonTree.text(node, "status", "nodeInfo", "kubeletVersion")),
            Cells.orNone(address(node, "InternalIP")), Cells.orNone(address(node, "ExternalIP")),
            unknownIfEmpty(JsonTree.text(node, "status", "nodeInfo", "osImage")),
            unknownIfEmpty(JsonTree.text(node, "status", "nodeInfo", "kernelVersion")),
            unknownIfEmpty(JsonTree.text(node, "status", "nodeInfo", "containerRuntimeVersion"))));
  }

  public static TablePrinter namespaces() {
    return new RowPrinter(List.of(Column.nameColumn(), Column.of("Status", "string", "The status of the namespace"), Column.age()),
        (ns, now) -> List.of(Cells.name(ns), Cells.text(JsonTree.text(ns, "status", "phase")), Cells.age(ns, now)));
  }

  public static TablePrinter configMaps() {
    return new RowPrinter(List.of(Column.nameColumn(), Column.of("Data", "string", "Data contains the configuration data."),
        Column.age()),
        (cm, now) -> List.of(Cells.name(cm), Cells.size(cm.get("data"), cm.get("binaryData")), Cells.age(cm, now)));
  }

  public static TablePrinter secrets() {
    return new RowPrinter(List.of(Column.nameColumn(), Column.of("Type", "string", "Used to facilitate programmatic handling of secret data."),
        Column.of("Data", "string", "Data contains the secret data."), Column.age()),
        (s, now) -> List.of(Cells.name(s), Cells.text(JsonTree.text(s, "type")), Cells.size(s.get("data")), Cells.age(s, now)));
  }

  public static TablePrinter serviceAccounts() {
    return new RowPrinter(List.of(Column.nameColumn(), Column.of("Secrets", "string", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use."),
        Column.age()),
        (sa, now) -> List.of(Cells.name(sa), Cells.size(sa.get("secrets")), Cells.age(sa, now)));
  }

  public static TablePrinter endpoints() {
    return new RowPrinter(List.of(Column.nameColumn(), Column.of("Endpoints", "string", "The set of all endpoints is the union of all subsets."),
        Column.age()),
        (ep, now) -> List.of(Cells.name(ep), Cells.orNone(endpoints(ep)), Cells.age(ep, now)));
  }

  public static TablePrinter leases() {
    return new RowPrinter(List.of(Column.nameColumn(), Column.of("Holder", "string", "holderIdentity contains the identity of the holder of a current lease."),
        Column.age()),
        (lease, now) -> List.of(Cells.name(lease), Cells.text(JsonTree.text(lease, "spec", "holderIdentity")), Cells.age(lease, now)));
  }

  /** The default convertor: the name and the creation timestamp as written ("Created At"). */
  public static TablePrinter defaults() {
    return new RowPrinter(List.of(Column.nameColumn(), new Column("Created At", "date", "", Column.age().description(), 0)),
        (obj, now) -> List.of(Cells.name(obj), Cells.text(JsonTree.text(obj, "metadata", "creationTimestamp"))));
  }

  private static String nodeStatus(JsonObject node) {
    List<String> status = new ArrayList<>();
    JsonElement conditions = JsonTree.at(node, "status", "conditions");
    if (conditions != null && conditions.isJsonArray()) {
      for (JsonElement c : conditions.getAsJsonArray()) {
        if ("Ready".equals(JsonTree.text(c, "type"))) {
          status.add("True".equals(JsonTree.text(c, "status")) ? "Ready" : "NotReady");
        }
      }
    }
    if (status.isEmpty()) {
      status.add("Unknown");
    }
    JsonElement unschedulable = JsonTree.at(node, "spec", "unschedulable");
    if (unschedulable != null && unschedulable.isJsonPrimitive() && unschedulable.getAsBoolean()) {
      status.add("SchedulingDisabled");
    }
    return String.join(",", status);
  }

  private static String roles(JsonObject node) {
    TreeSet<String> roles = new TreeSet<>();
    Meta.labels(node).forEach((k, v) -> {
      if (k.startsWith("node-role.kubernetes.io/") && k.length() > "node-role.kubernetes.io/".length()) {
        roles.add(k.substring("node-role.kubernetes.io/".length()));
      } else if (k.equals("kubernetes.io/role") && !v.isEmpty()) {
        roles.add(v);
      }
    });
    return String.join(",", roles);
  }

  private static String address(JsonObject node, String type) {
    JsonElement addresses = JsonTree.at(node, "status", "addresses");
    if (addresses != null && addresses.isJsonArray()) {
      for (JsonElement a : addresses.getAsJsonArray()) {
        if (type.equals(JsonTree.text(a, "type"))) {
          return JsonTree.text(a, "address");
        }
      }
    }
    return "";
  }

  private static String endpoints(JsonObject ep) {
    List<String> out = new ArrayList<>();
    JsonElement subsets = ep.get("subsets");
    if (subsets != null && subsets.isJsonArray()) {
      for (JsonElement subset : subsets.getAsJsonArray()) {
        JsonElement addresses = JsonTree.at(subset, "addresses");
        JsonElement ports = JsonTree.at(subset, "ports");
        if (addresses == null || !addresses.isJsonArray()) {
          continue;
        }
        for (JsonElement a : addresses.getAsJsonArray()) {
          if (ports == null || !ports.isJsonArray() || ports.getAsJsonArray().isEmpty()) {
            out.add(JsonTree.text(a, "ip"));
          } else {
            ports.getAsJsonArray().forEach(p -> out.add(JsonTree.text(a, "ip") + ":" + JsonTree.at(p, "port")));
          }
        }
      }
    }
    if (out.size() > 3) {
      return String.join(",", out.subList(0, 3)) + " + " + (out.size() - 3) + " more...";
    }
    return String.join(",", out);
  }

  private static com.google.gson.JsonPrimitive unknownIfEmpty(String s) {
    return Cells.text(s.isEmpty() ? "<unknown>" : s);
  }
}
