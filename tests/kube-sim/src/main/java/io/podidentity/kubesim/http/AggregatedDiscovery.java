package io.podidentity.kubesim.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ResourceType;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.ApiResources;
import java.util.List;
import java.util.Map;

/**
 * Aggregated discovery ({@code APIGroupDiscoveryList}, apidiscovery.k8s.io v2 and v2beta1): every group, version and
 * resource in one document, which kubectl asks for first and falls back from.
 */
final class AggregatedDiscovery {
  private final ApiResources resources;

  AggregatedDiscovery(ApiResources resources) {
    this.resources = resources;
  }

  /** The aggregated document of the core group ({@code legacy}) or of all named groups. */
  JsonObject document(boolean legacy, String discoveryVersion) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", "APIGroupDiscoveryList");
    o.addProperty("apiVersion", "apidiscovery.k8s.io/" + discoveryVersion);
    o.add("metadata", new JsonObject());
    JsonArray items = new JsonArray();
    for (Map.Entry<String, List<String>> e : resources.groupVersions().entrySet()) {
      if (e.getKey().isEmpty() != legacy) {
        continue;
      }
      JsonObject item = new JsonObject();
      JsonObject meta = new JsonObject();
      if (!legacy) {
        meta.addProperty("name", e.getKey());
      }
      meta.add("creationTimestamp", com.google.gson.JsonNull.INSTANCE);
      item.add("metadata", meta);
      JsonArray versions = new JsonArray();
      e.getValue().forEach(v -> versions.add(aggregatedVersion(e.getKey(), v)));
      item.add("versions", versions);
      items.add(item);
    }
    o.add("items", items);
    return o;
  }

  private JsonObject aggregatedVersion(String group, String version) {
    JsonObject v = new JsonObject();
    v.addProperty("version", version);
    JsonArray list = new JsonArray();
    for (ApiResource r : resources.all()) {
      ResourceType t = r.type();
      if (!t.group().equals(group) || !t.version().equals(version)) {
        continue;
      }
      JsonObject res = new JsonObject();
      res.addProperty("resource", t.plural());
      res.add("responseKind", kind(group, version, t.kind()));
      res.addProperty("scope", t.namespaced() ? "Namespaced" : "Cluster");
      res.addProperty("singularResource", t.singular());
      res.add("verbs", JsonTree.strings(t.verbs()));
      if (!t.shortNames().isEmpty()) {
        res.add("shortNames", JsonTree.strings(t.shortNames()));
      }
      if (!t.categories().isEmpty()) {
        res.add("categories", JsonTree.strings(t.categories()));
      }
      JsonArray subs = new JsonArray();
      for (ResourceType.Subresource s : t.subresources()) {
        JsonObject sub = new JsonObject();
        sub.addProperty("subresource", s.name());
        sub.add("responseKind", kind(s.group(), s.version(), s.kind()));
        sub.add("verbs", JsonTree.strings(s.verbs()));
        subs.add(sub);
      }
      if (!subs.isEmpty()) {
        res.add("subresources", subs);
      }
      list.add(res);
    }
    v.add("resources", list);
    v.addProperty("freshness", "Current");
    return v;
  }

  private static JsonObject kind(String group, String version, String kind) {
    JsonObject k = new JsonObject();
    k.addProperty("group", group);
    k.addProperty("version", version);
    k.addProperty("kind", kind);
    return k;
  }
}
