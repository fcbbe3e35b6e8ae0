package io.podidentity.kubesim.registry.kinds;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.registry.KindStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CustomResourceDefinitions: the names and versions are defaulted and checked as
 * {@code ValidateCustomResourceDefinition} checks the parts a client usually gets wrong (name, group, scope,
 * one storage version, a structural schema); the status is the establishing controller's to write.
 */
public final class CrdStrategy implements KindStrategy {
  public static final String CLEANUP_FINALIZER = "customresourcecleanup.apiextensions.k8s.io";

  @Override
  public boolean statusSubresource() {
    return true;
  }

  @Override
  public boolean tracksGeneration() {
    return true;
  }

  @Override
  public boolean allowUnconditionalUpdate() {
    return false;
  }

  @Override
  public void prepareForCreate(JsonObject crd, Instant now) {
    defaults(crd);
    JsonObject status = new JsonObject();
    status.add("conditions", new JsonArray());
    JsonObject accepted = new JsonObject();
    accepted.addProperty("plural", "");
    accepted.addProperty("kind", "");
    status.add("acceptedNames", accepted);
    status.add("storedVersions", new JsonArray());
    crd.add("status", status);
  }

  @Override
  public void prepareForUpdate(JsonObject crd, JsonObject old) {
    defaults(crd);
  }

  @Override
  public void markDeleting(JsonObject crd, Instant now) {
    List<String> finalizers = Meta.finalizers(crd);
    if (!finalizers.contains(CLEANUP_FINALIZER)) {
      finalizers.add(CLEANUP_FINALIZER);
      Meta.setFinalizers(crd, finalizers);
    }
    CrdConditions.set(crd, "Terminating", "True", "InstanceDeletionPending",
        "CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon", now);
  }

  private static void defaults(JsonObject crd) {
    JsonObject names = JsonTree.child(JsonTree.child(crd, "spec"), "names");
    String kind = JsonTree.text(names, "kind");
    if (!names.has("singular") && !kind.isEmpty()) {
      names.addProperty("singular", kind.toLowerCase(Locale.ROOT));
    }
    if (!names.has("listKind") && !kind.isEmpty()) {
      names.addProperty("listKind", kind + "List");
    }
    JsonObject conversion = JsonTree.child(crd.getAsJsonObject("spec"), "conversion");
    if (!conversion.has("strategy")) {
      conversion.addProperty("strategy", "None");
    }
  }

  @Override
  public List<FieldError> validate(JsonObject crd) {
    List<FieldError> errs = new ArrayList<>();
    String group = JsonTree.text(crd, "spec", "group");
    String plural = JsonTree.text(crd, "spec", "names", "plural");
    if (!Meta.name(crd).equals(plural + "." + group)) {
      errs.add(FieldError.invalid("metadata.name", Meta.name(crd), "must be spec.names.plural+\".\"+spec.group"));
    }
    if (group.isEmpty()) {
      errs.add(FieldError.required("spec.group", ""));
    } else if (!group.contains(".")) {
      errs.add(FieldError.invalid("spec.group", group, "should be a domain with at least one dot"));
    }
    String scope = JsonTree.text(crd, "spec", "scope");
    if (!scope.equals("Namespaced") && !scope.equals("Cluster")) {
      errs.add(FieldError.notSupported("spec.scope", new com.google.gson.JsonPrimitive(scope), List.of("Cluster", "Namespaced")));
    }
    for (String n : List.of("plural", "kind")) {
      if (JsonTree.text(crd, "spec", "names", n).isEmpty()) {
        errs.add(FieldError.required("spec.names." + n, ""));
      }
    }
    errs.addAll(versions(crd));
    errs.addAll(ApiApproval.errors(crd, group));
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(JsonObject crd, JsonObject old) {
    List<FieldError> errs = new ArrayList<>(validate(crd));
    if (ApiApproval.state(crd) == ApiApproval.state(old)) {
      errs.removeIf(e -> e.field().startsWith("metadata.annotations[" + ApiApproval.ANNOTATION));
    }
    return errs;
  }

  private static List<FieldError> versions(JsonObject crd) {
    List<FieldError> errs = new ArrayList<>();
    JsonElement versions = JsonTree.at(crd, "spec", "versions");
    if (versions == null || !versions.isJsonArray() || versions.getAsJsonArray().isEmpty()) {
      errs.add(FieldError.invalid("spec.versions", new JsonArray(), "must have exactly one version marked as storage version"));
      return errs;
    }
    int storage = 0;
    JsonArray list = versions.getAsJsonArray();
    for (int i = 0; i < list.size(); i++) {
      JsonObject v = list.get(i).getAsJsonObject();
      if (JsonTree.at(v, "storage") != null && v.get("storage").getAsBoolean()) {
        storage++;
      }
      JsonObject schema = JsonTree.object(v, "schema", "openAPIV3Schema");
      String path = "spec.versions[" + i + "].schema.openAPIV3Schema";
      if (schema == null) {
        errs.add(FieldError.required(path, "schemas are required"));
      } else {
        errs.addAll(StructuralSchemaRules.check(schema, path, true));
      }
    }
    if (storage != 1) {
      errs.add(FieldError.invalid("spec.versions", list, "must have exactly one version marked as storage version"));
    }
    return errs;
  }

  /** The CRD's versions as {@code name -> version object}, in declaration order. */
  public static Map<String, JsonObject> versionsOf(JsonObject crd) {
    Map<String, JsonObject> out = new java.util.LinkedHashMap<>();
    JsonElement versions = JsonTree.at(crd, "spec", "versions");
    if (versions != null && versions.isJsonArray()) {
      versions.getAsJsonArray().forEach(v -> out.put(JsonTree.text(v, "name"), v.getAsJsonObject()));
    }
    return out;
  }
}
