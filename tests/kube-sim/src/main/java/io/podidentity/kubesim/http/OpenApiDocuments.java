package io.podidentity.kubesim.http;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ResourceType;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.ApiResources;
import io.podidentity.kubesim.registry.PatchBody;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI v3 discovery ({@code /openapi/v3}: each group version's document with a content hash) and the
 * documents themselves: the paths of every resource with their operations, their
 * {@code x-kubernetes-group-version-kind}, the parameters (kubectl checks PATCH for {@code fieldValidation}) and
 * the accepted patch types (strategic merge only for built-in kinds), and the schemas, CRDs' included.
 */
final class OpenApiDocuments {
  private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
  private static final List<String> WRITE_PARAMS = List.of("dryRun", "fieldManager", "fieldValidation");
  private static final List<String> LIST_PARAMS = List.of("allowWatchBookmarks", "continue", "fieldSelector",
      "labelSelector", "limit", "resourceVersion", "resourceVersionMatch", "sendInitialEvents", "timeoutSeconds", "watch");

  /** A built document and its hash. */
  record Document(String json, String hash) {}

  private final ApiResources resources;
  private long builtFor = -1;
  private Map<String, Document> documents = Map.of();

  OpenApiDocuments(ApiResources resources) {
    this.resources = resources;
  }

  /** The document of a group version path such as {@code api/v1}, or null. */
  synchronized Document document(String gvPath) {
    return current().get(gvPath);
  }

  synchronized JsonObject root() {
    JsonObject paths = new JsonObject();
    current().forEach((path, doc) -> {
      JsonObject entry = new JsonObject();
      entry.addProperty("serverRelativeURL", "/openapi/v3/" + path + "?hash=" + doc.hash());
      paths.add(path, entry);
    });
    JsonObject root = new JsonObject();
    root.add("paths", paths);
    return root;
  }

  private Map<String, Document> current() {
    if (builtFor != resources.generation()) {
      Map<String, Document> next = new LinkedHashMap<>();
      resources.groupVersions().forEach((group, versions) -> versions.forEach(version -> {
        String path = group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
        String json = JsonTree.write(build(group, version));
        next.put(path, new Document(json, hash(json)));
      }));
      documents = next;
      builtFor = resources.generation();
    }
    return documents;
  }

  private JsonObject build(String group, String version) {
    JsonObject doc = new JsonObject();
    doc.addProperty("openapi", "3.0.0");
    JsonObject info = new JsonObject();
    info.addProperty("title", "Kubernetes");
    info.addProperty("version", "v1.32.0");
    doc.add("info", info);
    JsonObject paths = new JsonObject();
    Map<String, JsonObject> schemas = new LinkedHashMap<>();
    for (ApiResource r : resources.all()) {
      if (r.type().group().equals(group) && r.type().version().equals(version)) {
        String component = OpenApiSchemas.add(r, schemas);
        addPaths(r, component, paths);
      }
    }
    for (String meta : List.of("DeleteOptions", "Status", "Patch")) {
      OpenApiSchemas.addClosure(META + meta, schemas);
    }
    doc.add("paths", paths);
    JsonObject components = new JsonObject();
    JsonObject schemaObject = new JsonObject();
    schemas.forEach(schemaObject::add);
    components.add("schemas", schemaObject);
    doc.add("components", components);
    return doc;
  }

  private static void addPaths(ApiResource r, String component, JsonObject paths) {
    ResourceType t = r.type();
    String prefix = t.group().isEmpty() ? "/api/" + t.version() : "/apis/" + t.group() + "/" + t.version();
    String collection = prefix + (t.namespaced() ? "/namespaces/{namespace}/" : "/") + t.plural();
    OpenApiOperations ops = new OpenApiOperations(t, component);
    JsonObject list = new JsonObject();
    if (t.verbs().contains("list")) {
      list.add("get", ops.operation("list", "list", LIST_PARAMS, null, List.of()));
    }
    if (t.verbs().contains("create")) {
      list.add("post", ops.operation("create", "post", WRITE_PARAMS, component, List.of("application/json")));
    }
    if (t.verbs().contains("deletecollection")) {
      list.add("delete", ops.operation("deletecollection", "deletecollection", LIST_PARAMS, META + "DeleteOptions",
          List.of("application/json")));
    }
    list.add("parameters", ops.pathParameters(t.namespaced(), false));
    paths.add(collection, list);
    if (!t.verbs().contains("get")) {
      return;
    }
    paths.add(collection + "/{name}", itemPath(ops, r, component, "", t.verbs()));
    for (ResourceType.Subresource s : t.subresources()) {
      if (s.name().equals("status")) {
        paths.add(collection + "/{name}/status", itemPath(ops, r, component, "Status", s.verbs()));
      }
    }
  }

  private static JsonObject itemPath(OpenApiOperations ops, ApiResource r, String component, String suffix,
      List<String> verbs) {
    JsonObject item = new JsonObject();
    item.add("get", ops.operation("read" + suffix, "get", List.of(), null, List.of()));
    if (verbs.contains("update")) {
      item.add("put", ops.operation("replace" + suffix, "put", WRITE_PARAMS, component, List.of("application/json")));
    }
    if (verbs.contains("patch")) {
      List<String> params = new ArrayList<>(WRITE_PARAMS);
      params.add("force");
      item.add("patch", ops.operation("patch" + suffix, "patch", params, META + "Patch",
          PatchBody.accepted(r).stream().map(PatchBody.Type::mediaType).toList()));
    }
    if (verbs.contains("delete") && suffix.isEmpty()) {
      item.add("delete", ops.operation("delete", "delete", List.of("dryRun", "gracePeriodSeconds",
          "propagationPolicy"), META + "DeleteOptions", List.of("application/json")));
    }
    item.add("parameters", ops.pathParameters(r.type().namespaced(), true));
    return item;
  }

  private static String hash(String json) {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512")
          .digest(json.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
