package io.podidentity.kubesim;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.json.Timestamps;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.ListOptions;
import io.podidentity.kubesim.registry.Registry;
import io.podidentity.kubesim.store.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The simulator's direct store access for tests: seeding objects past validation and reading state back. */
final class ObjectAccess {
  private final Registry registry;
  private final ObjectStore store;
  private final Clock clock;

  ObjectAccess(Registry registry, ObjectStore store, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.clock = clock;
  }

  JsonObject seed(String rawJson) {
    JsonObject obj = JsonParser.parseString(rawJson).getAsJsonObject();
    String apiVersion = JsonTree.text(obj, "apiVersion");
    String kind = JsonTree.text(obj, "kind");
    ApiResource r = registry.context().resources().all().stream()
        .filter(x -> x.type().apiVersion().equals(apiVersion) && x.type().kind().equals(kind)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no resource serves " + apiVersion + " " + kind));
    if (Meta.name(obj).isEmpty()) {
      throw new IllegalArgumentException("a seeded object needs metadata.name");
    }
    if (r.type().namespaced() && Meta.namespace(obj).isEmpty()) {
      Meta.set(obj, "namespace", "default");
    }
    if (Meta.uid(obj).isEmpty()) {
      Meta.set(obj, "uid", UUID.randomUUID().toString());
    }
    if (JsonTree.string(obj, "metadata", "creationTimestamp") == null) {
      Meta.set(obj, "creationTimestamp", Timestamps.seconds(clock.instant()));
    }
    return store.write(tx -> r.view().fromStorage(tx.put(r.bucket(), r.view().toStorage(obj)))).deepCopy();
  }

  JsonObject get(String apiVersion, String resource, String namespace, String name) {
    try {
      return registry.get(resource(apiVersion, resource), namespace == null ? "" : namespace, name).deepCopy();
    } catch (ApiException e) {
      if (e.code() == 404) {
        return null;
      }
      throw e;
    }
  }

  List<JsonObject> list(String apiVersion, String resource, String namespace) {
    List<JsonObject> out = new ArrayList<>();
    registry.list(resource(apiVersion, resource), namespace, ListOptions.ALL).items().forEach(o -> out.add(o.deepCopy()));
    return out;
  }

  String bucket(String resource) {
    return registry.context().resources().all().stream()
        .filter(r -> r.type().plural().equals(resource) || r.type().groupResource().equals(resource))
        .map(ApiResource::bucket).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no resource " + resource));
  }

  void ensureNamespace(String name) {
    if (store.get("namespaces", "", name) != null) {
      return;
    }
    JsonObject ns = new JsonObject();
    ns.addProperty("apiVersion", "v1");
    ns.addProperty("kind", "Namespace");
    JsonObject meta = new JsonObject();
    meta.addProperty("name", name);
    ns.add("metadata", meta);
    registry.create(registry.context().resources().find("", "v1", "namespaces"), "", ns);
  }

  private ApiResource resource(String apiVersion, String plural) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    ApiResource r = registry.context().resources().find(group, version, plural);
    if (r == null) {
      throw new IllegalArgumentException("no resource " + plural + " in " + apiVersion);
    }
    return r;
  }
}
