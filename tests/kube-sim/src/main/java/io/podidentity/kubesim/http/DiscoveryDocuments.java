package io.podidentity.kubesim.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ResourceType;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.ApiResources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The legacy discovery documents ({@code APIVersions}, {@code APIGroupList}, {@code APIGroup},
 * {@code APIResourceList}), built from the resources being served.
 */
final class DiscoveryDocuments {
  private final ApiResources resources;

  DiscoveryDocuments(ApiResources resources) {
    this.resources = resources;
  }

  JsonObject apiVersions(String serverAddress) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", "APIVersions");
    JsonArray versions = new JsonArray();
    resources.groupVersions().getOrDefault("", List.of("v1")).forEach(versions::add);
    o.add("versions", versions);
    JsonArray cidrs = new JsonArray();
    JsonObject cidr = new JsonObject();
    cidr.addProperty("clientCIDR", "0.0.0.0/0");
    cidr.addProperty("serverAddress", serverAddress);
    cidrs.add(cidr);
    o.add("serverAddressByClientCIDRs", cidrs);
    return o;
  }

  JsonObject groupList() {
    JsonObject o = new JsonObject();
    o.addProperty("kind", "APIGroupList");
    o.addProperty("apiVersion", "v1");
    JsonArray groups = new JsonArray();
    resources.groupVersions().forEach((g, v) -> {
      if (!g.isEmpty()) {
        groups.add(group(g, v));
      }
    });
    o.add("groups", groups);
    return o;
  }

  /** The APIGroup document of one group, or null when it is not served. */
  JsonObject group(String name) {
    List<String> versions = resources.groupVersions().get(name);
    if (versions == null || name.isEmpty()) {
      return null;
    }
    JsonObject g = group(name, versions);
    g.addProperty("kind", "APIGroup");
    g.addProperty("apiVersion", "v1");
    return g;
  }

  private static JsonObject group(String name, List<String> versions) {
    JsonObject g = new JsonObject();
    g.addProperty("name", name);
    JsonArray list = new JsonArray();
    versions.forEach(v -> list.add(groupVersion(name, v)));
    g.add("versions", list);
    g.add("preferredVersion", groupVersion(name, versions.get(0)));
    return g;
  }

  private static JsonObject groupVersion(String group, String version) {
    JsonObject gv = new JsonObject();
    gv.addProperty("groupVersion", group + "/" + version);
    gv.addProperty("version", version);
    return gv;
  }

  /** The APIResourceList of a group version, or null when it is not served. */
  JsonObject resourceList(String group, String version) {
    if (!resources.serves(group, version)) {
      return null;
    }
    JsonObject o = new JsonObject();
    o.addProperty("kind", "APIResourceList");
    o.addProperty("apiVersion", "v1");
    o.addProperty("groupVersion", group.isEmpty() ? version : group + "/" + version);
    JsonArray list = new JsonArray();
    for (ApiResource r : resources.all()) {
      ResourceType t = r.type();
      if (t.group().equals(group) && t.version().equals(version)) {
        list.add(legacyResource(t));
        for (ResourceType.Subresource s : t.subresources()) {
          JsonObject sub = new JsonObject();
          sub.addProperty("name", t.plural() + "/" + s.name());
          sub.addProperty("singularName", "");
          sub.addProperty("namespaced", t.namespaced());
          if (!s.group().equals(group) || !s.version().equals(version)) {
            sub.addProperty("group", s.group());
            sub.addProperty("version", s.version());
          }
          sub.addProperty("kind", s.kind());
          sub.add("verbs", JsonTree.strings(s.verbs()));
          list.add(sub);
        }
      }
    }
    o.add("resources", list);
    return o;
  }

  private static JsonObject legacyResource(ResourceType t) {
    JsonObject r = new JsonObject();
    r.addProperty("name", t.plural());
    r.addProperty("singularName", t.singular());
    r.addProperty("namespaced", t.namespaced());
    r.addProperty("kind", t.kind());
    r.add("verbs", JsonTree.strings(t.verbs()));
    if (!t.shortNames().isEmpty()) {
      r.add("shortNames", JsonTree.strings(t.shortNames()));
    }
    if (!t.categories().isEmpty()) {
      r.add("categories", JsonTree.strings(t.categories()));
    }
    r.addProperty("storageVersionHash", storageVersionHash(t));
    return r;
  }



  /** As the apiserver computes it: base64 of the first 8 bytes of sha256("group/version/kind") of the storage version. */
  private static String storageVersionHash(ResourceType t) {
    try {
      byte[] sum = MessageDigest.getInstance("SHA-256")
          .digest((t.group() + "/" + t.version() + "/" + t.kind()).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(sum, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
