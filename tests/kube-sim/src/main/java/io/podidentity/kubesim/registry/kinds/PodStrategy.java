package io.podidentity.kubesim.registry.kinds;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.registry.KindStrategy;
import io.podidentity.kubesim.registry.NameRule;
import io.podidentity.kubesim.select.SelectableFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pods: on create the status is reset to Pending with the QoS class and the spec gets the defaults the
 * apiserver and its admission plugins add; the spec's containers need names and images. With a simulated
 * kubelet a scheduled pod is deleted gracefully (the kubelet confirms), without one at once.
 */
public final class PodStrategy implements KindStrategy {
  private static final SelectableFields FIELDS = SelectableFields.converted(true, Map.of(
      "spec.nodeName", SelectableFields.path("spec.nodeName"),
      "spec.restartPolicy", SelectableFields.path("spec.restartPolicy"),
      "spec.schedulerName", SelectableFields.path("spec.schedulerName"),
      "spec.serviceAccountName", SelectableFields.path("spec.serviceAccountName"),
      "spec.hostNetwork", obj -> Boolean.toString("true".equals(SelectableFields.path("spec.hostNetwork").apply(obj))),
      "status.phase", SelectableFields.path("status.phase"),
      "status.podIP", SelectableFields.path("status.podIP"),
      "status.nominatedNodeName", SelectableFields.path("status.nominatedNodeName")));

  private final boolean gracefulDeletion;

  public PodStrategy(boolean gracefulDeletion) {
    this.gracefulDeletion = gracefulDeletion;
  }

  @Override
  public boolean statusSubresource() {
    return true;
  }

  @Override
  public boolean returnsDeletedObject() {
    return true;
  }

  @Override
  public SelectableFields fields() {
    return FIELDS;
  }

  @Override
  public long defaultGracePeriodSeconds(JsonObject pod) {
    String phase = JsonTree.text(pod, "status", "phase");
    if (!gracefulDeletion || JsonTree.text(pod, "spec", "nodeName").isEmpty()
        || phase.equals("Succeeded") || phase.equals("Failed")) {
      return 0;
    }
    JsonElement grace = JsonTree.at(pod, "spec", "terminationGracePeriodSeconds");
    return grace != null && grace.isJsonPrimitive() ? grace.getAsLong() : 30;
  }

  @Override
  public void prepareForCreate(JsonObject pod, Instant now) {
    JsonObject spec = JsonTree.child(pod, "spec");
    defaultString(spec, "restartPolicy", "Always");
    defaultString(spec, "dnsPolicy", "ClusterFirst");
    defaultString(spec, "schedulerName", "default-scheduler");
    defaultString(spec, "serviceAccountName", "default");
    defaultString(spec, "serviceAccount", spec.get("serviceAccountName").getAsString());
    defaultString(spec, "preemptionPolicy", "PreemptLowerPriority");
    if (!spec.has("terminationGracePeriodSeconds")) {
      spec.addProperty("terminationGracePeriodSeconds", 30);
    }
    if (!spec.has("securityContext")) {
      spec.add("securityContext", new JsonObject());
    }
    if (!spec.has("enableServiceLinks")) {
      spec.addProperty("enableServiceLinks", true);
    }
    if (!spec.has("priority")) {
      spec.addProperty("priority", 0);
    }
    containers(spec, "initContainers").forEach(PodStrategy::defaultContainer);
    containers(spec, "containers").forEach(PodStrategy::defaultContainer);
    JsonObject status = new JsonObject();
    status.addProperty("phase", "Pending");
    status.addProperty("qosClass", qosClass(containers(spec, "containers")));
    pod.add("status", status);
  }

  @Override
  public List<FieldError> validate(JsonObject pod) {
    List<FieldError> errs = new ArrayList<>();
    JsonElement containers = JsonTree.at(pod, "spec", "containers");
    if (containers == null || !containers.isJsonArray() || containers.getAsJsonArray().isEmpty()) {
      errs.add(FieldError.required("spec.containers", ""));
      return errs;
    }
    Set<String> names = new HashSet<>();
    JsonArray list = containers.getAsJsonArray();
    for (int i = 0; i < list.size(); i++) {
      String path = "spec.containers[" + i + "]";
      String name = JsonTree.text(list.get(i), "name");
      if (name.isEmpty()) {
        errs.add(FieldError.required(path + ".name", ""));
      } else {
        NameRule.LABEL.check(name, false).forEach(m -> errs.add(FieldError.invalid(path + ".name", name, m)));
        if (!names.add(name)) {
          errs.add(new FieldError(FieldError.Type.DUPLICATE, path + ".name", new com.google.gson.JsonPrimitive(name), ""));
        }
      }
      if (JsonTree.text(list.get(i), "image").isBlank()) {
        errs.add(FieldError.required(path + ".image", ""));
      }
    }
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(JsonObject pod, JsonObject old) {
    List<FieldError> errs = new ArrayList<>(validate(pod));
    if (!withoutEmpties(mutableFieldsCleared(pod)).equals(withoutEmpties(mutableFieldsCleared(old)))) {
      errs.add(FieldError.forbidden("spec", "pod updates may not change fields other than `spec.containers[*].image`,"
          + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to "
          + "existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously "
          + "negative)"));
    }
    return errs;
  }

  /**
   * The apiserver compares decoded Go structs, in which null, an empty list and an empty map all read as absent
   * (clients such as client-java write {@code []} for fields they read as missing); so empties are dropped here.
   */
  private static JsonElement withoutEmpties(JsonElement element) {
    if (element.isJsonObject()) {
      JsonObject copy = new JsonObject();
      element.getAsJsonObject().entrySet().forEach(e -> {
        JsonElement value = withoutEmpties(e.getValue());
        if (!isEmpty(value)) {
          copy.add(e.getKey(), value);
        }
      });
      return copy;
    }
    if (element.isJsonArray()) {
      JsonArray copy = new JsonArray();
      element.getAsJsonArray().forEach(v -> copy.add(withoutEmpties(v)));
      return copy;
    }
    return element;
  }

  private static boolean isEmpty(JsonElement value) {
    return value.isJsonNull() || (value.isJsonArray() && value.getAsJsonArray().isEmpty())
        || (value.isJsonObject() && value.getAsJsonObject().isEmpty());
  }

  /** The spec without the fields an update may change, for comparing an update with the stored pod. */
  private static JsonObject mutableFieldsCleared(JsonObject pod) {
    JsonObject spec = JsonTree.object(pod, "spec");
    JsonObject copy = spec == null ? new JsonObject() : spec.deepCopy();
    for (String field : List.of("activeDeadlineSeconds", "tolerations", "terminationGracePeriodSeconds")) {
      copy.remove(field);
    }
    for (String list : List.of("containers", "initContainers")) {
      containers(copy, list).forEach(c -> c.remove("image"));
    }
    return copy;
  }

  private static void defaultContainer(JsonObject c) {
    defaultString(c, "terminationMessagePath", "/dev/termination-log");
    defaultString(c, "terminationMessagePolicy", "File");
    String image = JsonTree.text(c, "image");
    String tag = image.contains("@") ? "digest" : image.substring(image.lastIndexOf('/') + 1);
    boolean latest = !tag.contains(":") || tag.endsWith(":latest");
    defaultString(c, "imagePullPolicy", latest && !image.contains("@") ? "Always" : "IfNotPresent");
    if (!c.has("resources")) {
      c.add("resources", new JsonObject());
    }
    JsonElement ports = c.get("ports");
    if (ports != null && ports.isJsonArray()) {
      ports.getAsJsonArray().forEach(p -> {
        if (p.isJsonObject()) {
          defaultString(p.getAsJsonObject(), "protocol", "TCP");
        }
      });
    }
  }

  private static String qosClass(List<JsonObject> containers) {
    boolean any = false;
    boolean guaranteed = !containers.isEmpty();
    for (JsonObject c : containers) {
      JsonObject requests = JsonTree.object(c, "resources", "requests");
      JsonObject limits = JsonTree.object(c, "resources", "limits");
      any |= (requests != null && !requests.isEmpty()) || (limits != null && !limits.isEmpty());
      for (String r : List.of("cpu", "memory")) {
        JsonElement limit = limits == null ? null : limits.get(r);
        JsonElement request = requests == null ? limit : requests.get(r);
        guaranteed &= limit != null && limit.equals(request);
      }
    }
    return guaranteed ? "Guaranteed" : any ? "Burstable" : "BestEffort";
  }

  private static List<JsonObject> containers(JsonObject spec, String field) {
    List<JsonObject> out = new ArrayList<>();
    JsonElement e = spec.get(field);
    if (e != null && e.isJsonArray()) {
      e.getAsJsonArray().forEach(c -> {
        if (c.isJsonObject()) {
          out.add(c.getAsJsonObject());
        }
      });
    }
    return out;
  }

  private static void defaultString(JsonObject o, String field, String value) {
    if (!o.has(field) || JsonTree.text(o, field).isEmpty()) {
      o.addProperty(field, value);
    }
  }
}
