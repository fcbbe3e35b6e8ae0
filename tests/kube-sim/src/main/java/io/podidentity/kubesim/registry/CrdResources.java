package io.podidentity.kubesim.registry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ResourceType;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.registry.kinds.CrdStrategy;
import io.podidentity.kubesim.registry.kinds.CustomResourceStrategy;
import io.podidentity.kubesim.schema.ObjectSchema;
import io.podidentity.kubesim.select.SelectableFields;
import io.podidentity.kubesim.table.CustomColumnsPrinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The resources an established CRD serves: one per served version, all in one bucket stored at the storage
 * version (conversion None rewrites only apiVersion), each with its version's schema, status subresource,
 * printer columns and selectable fields.
 */
public final class CrdResources {
  private CrdResources() {}

  public static List<ApiResource> of(JsonObject crd) {
    String group = JsonTree.text(crd, "spec", "group");
    JsonObject names = JsonTree.object(crd, "spec", "names");
    boolean namespaced = "Namespaced".equals(JsonTree.text(crd, "spec", "scope"));
    String storage = "";
    for (Map.Entry<String, JsonObject> v : CrdStrategy.versionsOf(crd).entrySet()) {
      JsonElement s = v.getValue().get("storage");
      if (s != null && s.getAsBoolean()) {
        storage = v.getKey();
      }
    }
    String bucket = group + "/" + JsonTree.text(names, "plural");
    List<ApiResource> out = new ArrayList<>();
    for (Map.Entry<String, JsonObject> v : CrdStrategy.versionsOf(crd).entrySet()) {
      JsonElement served = v.getValue().get("served");
      if (served == null || !served.getAsBoolean()) {
        continue;
      }
      out.add(resource(group, v.getKey(), v.getValue(), names, namespaced, bucket, storage));
    }
    return out;
  }

  private static ApiResource resource(String group, String version, JsonObject spec, JsonObject names,
      boolean namespaced, String bucket, String storage) {
    String kind = JsonTree.text(names, "kind");
    boolean status = JsonTree.object(spec, "subresources", "status") != null;
    List<ResourceType.Subresource> subresources = status
        ? List.of(new ResourceType.Subresource("status", group, version, kind, List.of("get", "patch", "update")))
        : List.of();
    ResourceType type = new ResourceType(group, version, JsonTree.text(names, "plural"), JsonTree.text(names, "singular"),
        kind, namespaced, ResourceType.ALL_VERBS, strings(names.get("shortNames")), strings(names.get("categories")),
        subresources);
    JsonObject schema = JsonTree.object(spec, "schema", "openAPIV3Schema");
    ObjectSchema.Custom custom = new ObjectSchema.Custom(schema == null ? preserveAll() : schema,
        new ObjectSchema.Builtin(BuiltinResources.models(), "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta").root());
    KindStrategy strategy = new CustomResourceStrategy(group, version, kind, status, custom,
        SelectableFields.converted(namespaced, selectable(spec)));
    return new ApiResource(type, bucket, strategy, custom, new CustomColumnsPrinter(spec.get("additionalPrinterColumns")),
        ObjectView.apiVersion(group + "/" + version, group + "/" + storage));
  }

  private static Map<String, Function<JsonObject, String>> selectable(JsonObject version) {
    Map<String, Function<JsonObject, String>> out = new LinkedHashMap<>();
    JsonElement fields = version.get("selectableFields");
    if (fields != null && fields.isJsonArray()) {
      for (JsonElement f : fields.getAsJsonArray()) {
        String path = JsonTree.text(f, "jsonPath").replaceFirst("^\\.", "");
        out.put(path, SelectableFields.path(path));
      }
    }
    return out;
  }

  private static JsonObject preserveAll() {
    JsonObject s = new JsonObject();
    s.addProperty("type", "object");
    s.addProperty("x-kubernetes-preserve-unknown-fields", true);
    return s;
  }

  private static List<String> strings(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e != null && e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
    }
    return out;
  }
}
