package io.podidentity.kubesim.registry.kinds;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.registry.KindStrategy;
import io.podidentity.kubesim.registry.NameRule;
import io.podidentity.kubesim.select.SelectableFields;
import java.time.Instant;
import java.util.Map;

/**
 * Namespaces: DNS-label names, phase Active and the {@code kubernetes} finalizer on create, the
 * {@code kubernetes.io/metadata.name} label kept equal to the name, and spec.finalizers changed only through
 * {@code /finalize}.
 */
public final class NamespaceStrategy implements KindStrategy {
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";
  public static final String FINALIZER = "kubernetes";
  private static final java.util.Set<String> IMMORTAL = java.util.Set.of("default", "kube-system", "kube-public");
  private static final SelectableFields FIELDS =
      SelectableFields.converted(false, Map.of("status.phase", SelectableFields.path("status.phase")));

  @Override
  public boolean statusSubresource() {
    return true;
  }

  @Override
  public NameRule nameRule() {
    return NameRule.LABEL;
  }

  @Override
  public SelectableFields fields() {
    return FIELDS;
  }

  @Override
  public void prepareForCreate(JsonObject ns, Instant now) {
    JsonObject status = new JsonObject();
    status.addProperty("phase", "Active");
    ns.add("status", status);
    JsonObject spec = JsonTree.child(ns, "spec");
    JsonElement finalizers = spec.get("finalizers");
    JsonArray list = finalizers != null && finalizers.isJsonArray() ? finalizers.getAsJsonArray() : new JsonArray();
    if (!list.contains(new com.google.gson.JsonPrimitive(FINALIZER))) {
      list.add(FINALIZER);
    }
    spec.add("finalizers", list);
    nameLabel(ns);
  }

  @Override
  public void prepareForUpdate(JsonObject ns, JsonObject old) {
    JsonObject oldSpec = JsonTree.object(old, "spec");
    ns.add("spec", oldSpec == null ? new JsonObject() : oldSpec.deepCopy());
    nameLabel(ns);
  }

  @Override
  public String deletionRefusal(JsonObject ns) {
    return IMMORTAL.contains(Meta.name(ns)) ? "this namespace may not be deleted" : null;
  }

  @Override
  public boolean awaitsFinalization(JsonObject ns) {
    JsonElement finalizers = JsonTree.at(ns, "spec", "finalizers");
    return finalizers != null && finalizers.isJsonArray() && !finalizers.getAsJsonArray().isEmpty();
  }

  @Override
  public void markDeleting(JsonObject ns, Instant now) {
    JsonTree.child(ns, "status").addProperty("phase", "Terminating");
  }

  private static void nameLabel(JsonObject ns) {
    String name = Meta.name(ns);
    if (!name.isEmpty()) {
      JsonTree.child(Meta.of(ns), "labels").addProperty(NAME_LABEL, name);
    }
  }
}
