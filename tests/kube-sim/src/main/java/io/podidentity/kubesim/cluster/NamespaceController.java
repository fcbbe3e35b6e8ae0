package io.podidentity.kubesim.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.ApiResources;
import io.podidentity.kubesim.registry.Registry;
import io.podidentity.kubesim.registry.kinds.NamespaceStrategy;
import io.podidentity.kubesim.store.ObjectStore;
import io.podidentity.kubesim.store.StoredEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The namespace controller and the service-account controller: a terminating namespace has everything in it
 * deleted, and once nothing is left (objects with finalizers keep it waiting) its {@code kubernetes} finalizer is
 * removed and it goes; every new namespace gets its {@code default} ServiceAccount.
 */
public final class NamespaceController extends Controller {
  private static final java.util.Set<Integer> EXPECTED = java.util.Set.of(403, 404, 409);
  private static final String NAMESPACES = "namespaces";

  private final Registry registry;
  private final ApiResources resources;
  private final ObjectStore store;

  public NamespaceController(Registry registry) {
    super(registry.context().store().log(), "namespace-controller");
    this.registry = registry;
    this.resources = registry.context().resources();
    this.store = registry.context().store();
  }

  @Override
  protected void reconcile(List<StoredEvent> events, boolean idle) {
    for (StoredEvent e : events) {
      if (e.bucket().equals(NAMESPACES) && e.type() == StoredEvent.Type.ADDED) {
        ensureDefaultServiceAccount(Meta.name(e.object()));
      }
    }
    if (!idle && events.isEmpty()) {
      return;
    }
    for (JsonObject ns : store.list(NAMESPACES, null).items()) {
      if (Meta.isDeleting(ns)) {
        drain(Meta.name(ns));
      } else if (idle) {
        ensureDefaultServiceAccount(Meta.name(ns));
      }
    }
  }

  private void drain(String namespace) {
    int remaining = 0;
    Set<String> buckets = new HashSet<>();
    for (ApiResource r : resources.all()) {
      if (!r.type().namespaced() || !buckets.add(r.bucket())) {
        continue;
      }
      for (JsonObject o : store.list(r.bucket(), namespace).items()) {
        remaining++;
        if (!Meta.isDeleting(o)) {
          ignoring(EXPECTED, () -> registry.delete(r, namespace, Meta.name(o), null, null, null));
        }
      }
    }
    if (remaining > 0) {
      return;
    }
    ApiResource namespaces = resources.find("", "v1", NAMESPACES);
    ignoring(EXPECTED, () -> registry.modify(namespaces, "", namespace, "finalize", ns -> {
      JsonArray kept = new JsonArray();
      var finalizers = JsonTree.at(ns, "spec", "finalizers");
      if (finalizers != null && finalizers.isJsonArray()) {
        finalizers.getAsJsonArray().forEach(f -> {
          if (!NamespaceStrategy.FINALIZER.equals(f.getAsString())) {
            kept.add(f);
          }
        });
      }
      JsonTree.child(ns, "spec").add("finalizers", kept);
      return ns;
    }));
    ignoring(EXPECTED, () -> registry.delete(namespaces, "", namespace, null, null, null));
  }

  private void ensureDefaultServiceAccount(String namespace) {
    ApiResource sa = resources.find("", "v1", "serviceaccounts");
    if (store.get(sa.bucket(), namespace, "default") != null) {
      return;
    }
    JsonObject account = new JsonObject();
    account.addProperty("apiVersion", "v1");
    account.addProperty("kind", "ServiceAccount");
    JsonObject meta = new JsonObject();
    meta.addProperty("name", "default");
    meta.addProperty("namespace", namespace);
    account.add("metadata", meta);
    ignoring(EXPECTED, () -> registry.create(sa, namespace, account));
  }

}
