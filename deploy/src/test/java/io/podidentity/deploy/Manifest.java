package io.podidentity.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One Kubernetes object of a rendering, as the JSON tree the API server would receive. */
record Manifest(JsonObject json) {
  private static final Set<String> CLUSTER_SCOPED = Set.of("CustomResourceDefinition", "ClusterRole",
      "ClusterRoleBinding", "PriorityClass", "Namespace");

  String kind() {
    return text(json, "kind").orElse("");
  }

  String apiVersion() {
    return text(json, "apiVersion").orElse("");
  }

  /** The API group: the part of apiVersion before the slash, empty for the core group. */
  String group() {
    String apiVersion = apiVersion();
    return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
  }

  String name() {
    return text(metadata(), "name").orElse("");
  }

  Optional<String> namespace() {
    return text(metadata(), "namespace");
  }

  boolean clusterScoped() {
    return CLUSTER_SCOPED.contains(kind());
  }

  JsonObject metadata() {
    return object(json, "metadata");
  }

  /** The object at {@code path} below the root, or an empty object when any step is missing. */
  JsonObject at(String... path) {
    JsonObject node = json;
    for (String step : path) {
      node = object(node, step);
    }
    return node;
  }

  /** The pod template's spec of a Deployment or DaemonSet. */
  JsonObject podSpec() {
    return at("spec", "template", "spec");
  }

  /** Containers and init containers of the pod template. */
  List<JsonObject> containers() {
    List<JsonObject> all = new ArrayList<>(objects(podSpec(), "containers"));
    all.addAll(objects(podSpec(), "initContainers"));
    return all;
  }

  JsonObject container(String name) {
    return objects(podSpec(), "containers").stream()
        .filter(c -> text(c, "name").orElse("").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(this + " has no container " + name));
  }

  @Override
  public String toString() {
    return kind() + " " + namespace().map(n -> n + "/").orElse("") + name();
  }

  static JsonObject object(JsonObject node, String key) {
    JsonElement value = node.get(key);
    return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
  }

  static List<JsonObject> objects(JsonObject node, String key) {
    JsonElement value = node.get(key);
    List<JsonObject> out = new ArrayList<>();
    if (value != null && value.isJsonArray()) {
      value.getAsJsonArray().forEach(e -> out.add(e.getAsJsonObject()));
    }
    return out;
  }

  static List<String> strings(JsonObject node, String key) {
    JsonElement value = node.get(key);
    List<String> out = new ArrayList<>();
    if (value != null && value.isJsonArray()) {
      for (JsonElement e : (JsonArray) value) {
        out.add(e.getAsString());
      }
    }
    return out;
  }

  static Optional<String> text(JsonObject node, String key) {
    JsonElement value = node.get(key);
    return value != null && value.isJsonPrimitive() ? Optional.of(value.getAsString()) : Optional.empty();
  }

  static Optional<Boolean> bool(JsonObject node, String key) {
    JsonElement value = node.get(key);
    return value != null && value.isJsonPrimitive() ? Optional.of(value.getAsBoolean()) : Optional.empty();
  }
}
