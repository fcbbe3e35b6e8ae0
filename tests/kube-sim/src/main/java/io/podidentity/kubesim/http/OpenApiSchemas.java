package io.podidentity.kubesim.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ResourceType;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.BuiltinResources;
import io.podidentity.kubesim.schema.ObjectSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The component schemas of an OpenAPI v3 document: a built-in kind's model schema and everything it references,
 * or a CRD version's schema named as the apiextensions apiserver names it ({@code io.k8s.<reversed group>.<version>.<Kind>})
 * with apiVersion, kind, the ObjectMeta reference and its group-version-kind added.
 */
final class OpenApiSchemas {
  private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";

  private OpenApiSchemas() {}

  /** Adds the resource's schemas; returns the name of its kind's component. */
  static String add(ApiResource r, Map<String, JsonObject> schemas) {
    if (r.schema() instanceof ObjectSchema.Builtin b) {
      addClosure(b.component(), schemas);
      return b.component();
    }
    ResourceType t = r.type();
    String name = reversed(t.group()) + "." + t.version() + "." + t.kind();
    JsonObject schema = r.schema().root().node().deepCopy();
    JsonObject properties = JsonTree.child(schema, "properties");
    properties.add("apiVersion", stringProperty("APIVersion defines the versioned schema of this representation of an object."));
    properties.add("kind", stringProperty("Kind is a string value representing the REST resource this object represents."));
    JsonObject metadata = new JsonObject();
    metadata.addProperty("$ref", "#/components/schemas/" + META + "ObjectMeta");
    properties.add("metadata", metadata);
    JsonArray gvks = new JsonArray();
    JsonObject gvk = new JsonObject();
    gvk.addProperty("group", t.group());
    gvk.addProperty("kind", t.kind());
    gvk.addProperty("version", t.version());
    gvks.add(gvk);
    schema.add("x-kubernetes-group-version-kind", gvks);
    schemas.put(name, schema);
    addClosure(META + "ObjectMeta", schemas);
    return name;
  }

  /** Adds a model component and every component it references. */
  static void addClosure(String component, Map<String, JsonObject> schemas) {
    Map<String, JsonObject> all = BuiltinResources.models().components();
    Deque<String> todo = new ArrayDeque<>(List.of(component));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      JsonObject schema = all.get(name);
      if (schema == null || schemas.containsKey(name)) {
        continue;
      }
      schemas.put(name, schema);
      collectRefs(schema, todo);
    }
  }

  private static void collectRefs(JsonElement e, Deque<String> todo) {
    if (e.isJsonObject()) {
      for (Map.Entry<String, JsonElement> en : e.getAsJsonObject().entrySet()) {
        if (en.getKey().equals("$ref") && en.getValue().isJsonPrimitive()) {
          todo.push(en.getValue().getAsString().substring("#/components/schemas/".length()));
        } else {
          collectRefs(en.getValue(), todo);
        }
      }
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> collectRefs(x, todo));
    }
  }

  private static JsonObject stringProperty(String description) {
    JsonObject p = new JsonObject();
    p.addProperty("description", description);
    p.addProperty("type", "string");
    return p;
  }

  static String reversed(String group) {
    List<String> parts = new ArrayList<>(List.of(group.split("\\.")));
    java.util.Collections.reverse(parts);
    return String.join(".", parts);
  }
}
