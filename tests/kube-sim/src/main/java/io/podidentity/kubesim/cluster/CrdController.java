package io.podidentity.kubesim.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.ApiResources;
import io.podidentity.kubesim.registry.CrdResources;
import io.podidentity.kubesim.registry.Registry;
import io.podidentity.kubesim.registry.kinds.ApiApproval;
import io.podidentity.kubesim.registry.kinds.CrdConditions;
import io.podidentity.kubesim.registry.kinds.CrdStrategy;
import io.podidentity.kubesim.store.ObjectStore;
import io.podidentity.kubesim.store.StoredEvent;
import java.time.Clock;
import java.util.List;

/**
 * The apiextensions controllers: serving a CRD's resources as soon as it is stored (and again when it changes),
 * setting NamesAccepted and Established, and on deletion removing every custom resource before letting the
 * cleanup finalizer go and no longer serving the resources.
 */
public final class CrdController extends Controller {
  private static final String BUCKET = "apiextensions.k8s.io/customresourcedefinitions";

  private final Registry registry;
  private final ApiResources resources;
  private final ObjectStore store;
  private final Clock clock;

  public CrdController(Registry registry, Clock clock) {
    super(registry.context().store().log(), "crd-controller");
    this.registry = registry;
    this.resources = registry.context().resources();
    this.store = registry.context().store();
    this.clock = clock;
  }

  @Override
  protected void reconcile(List<StoredEvent> events, boolean idle) {
    for (StoredEvent e : events) {
      if (e.bucket().equals(BUCKET) && e.type() == StoredEvent.Type.DELETED) {
        resources.unregister(Meta.name(e.object()));
      }
    }
    boolean crdsChanged = idle || events.stream().anyMatch(e -> e.bucket().equals(BUCKET) && e.type() != StoredEvent.Type.DELETED);
    boolean crsChanged = events.stream().anyMatch(e -> e.bucket().contains("/") && !e.bucket().equals(BUCKET));
    if (!crdsChanged && !crsChanged) {
      return;
    }
    java.util.Set<String> stored = new java.util.HashSet<>();
    for (JsonObject crd : store.list(BUCKET, null).items()) {
      stored.add(Meta.name(crd));
      if (Meta.isDeleting(crd)) {
        cleanUp(crd);
      } else if (crdsChanged) {
        establish(crd);
      }
    }
    if (idle) {
      resources.registeredCrds().stream().filter(name -> !stored.contains(name)).forEach(resources::unregister);
    }
  }

  /** Registers the CRD's resources synchronously with its creation; used by the registry hook and reconcile. */
  public void establish(JsonObject crd) {
    String name = Meta.name(crd);
    resources.register(name, JsonTree.at(crd, "spec"), CrdResources.of(crd));
    if (CrdConditions.isTrue(crd, "Established") && acceptedNamesCurrent(crd)) {
      return;
    }
    modifyStatus(name, c -> {
      JsonObject status = JsonTree.child(c, "status");
      status.add("acceptedNames", JsonTree.object(c, "spec", "names").deepCopy());
      JsonArray stored = status.has("storedVersions") ? status.getAsJsonArray("storedVersions") : new JsonArray();
      String storage = storageVersion(c);
      if (!storage.isEmpty() && !stored.contains(new com.google.gson.JsonPrimitive(storage))) {
        stored.add(storage);
      }
      status.add("storedVersions", stored);
      CrdConditions.set(c, "NamesAccepted", "True", "NoConflicts", "no conflicts found", clock.instant());
      CrdConditions.set(c, "Established", "True", "InitialNamesAccepted", "the initial names have been accepted",
          clock.instant());
      if (ApiApproval.isProtected(JsonTree.text(c, "spec", "group"))) {
        ApiApproval.State state = ApiApproval.state(c);
        CrdConditions.set(c, "KubernetesAPIApprovalPolicyConformant", state == ApiApproval.State.APPROVED ? "True" : "False",
            switch (state) {
              case APPROVED -> "ApprovedAnnotation";
              case BYPASSED -> "UnapprovedAnnotation";
              case MISSING -> "MissingAnnotation";
              case INVALID -> "InvalidAnnotation";
            }, ApiApproval.reason(c), clock.instant());
      }
      return c;
    });
  }

  private void cleanUp(JsonObject crd) {
    String name = Meta.name(crd);
    if (!Meta.finalizers(crd).contains(CrdStrategy.CLEANUP_FINALIZER)) {
      return;
    }
    List<ApiResource> served = CrdResources.of(crd);
    if (!served.isEmpty()) {
      ApiResource r = resources.find(served.get(0).type().group(), served.get(0).type().version(), served.get(0).type().plural());
      List<JsonObject> remaining = r == null ? List.of() : store.list(r.bucket(), null).items();
      for (JsonObject cr : remaining) {
        if (!Meta.isDeleting(cr)) {
          deleteQuietly(r, cr);
        }
      }
      if (r != null && !store.list(r.bucket(), null).items().isEmpty()) {
        return;
      }
    }
    registry.modify(crdResource(), "", name, null, c -> {
      List<String> finalizers = Meta.finalizers(c);
      finalizers.remove(CrdStrategy.CLEANUP_FINALIZER);
      Meta.setFinalizers(c, finalizers);
      return c;
    });
  }

  private void deleteQuietly(ApiResource r, JsonObject cr) {
    try {
      registry.delete(r, Meta.namespace(cr), Meta.name(cr), null, null, null);
    } catch (ApiException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
  }

  private void modifyStatus(String name, java.util.function.UnaryOperator<JsonObject> change) {
    try {
      registry.modify(crdResource(), "", name, "status", change);
    } catch (ApiException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
  }

  private ApiResource crdResource() {
    return resources.find("apiextensions.k8s.io", "v1", "customresourcedefinitions");
  }

  private static boolean acceptedNamesCurrent(JsonObject crd) {
    JsonElement accepted = JsonTree.at(crd, "status", "acceptedNames");
    return accepted != null && accepted.equals(JsonTree.at(crd, "spec", "names"));
  }

  private static String storageVersion(JsonObject crd) {
    for (var v : CrdStrategy.versionsOf(crd).entrySet()) {
      JsonElement s = v.getValue().get("storage");
      if (s != null && s.getAsBoolean()) {
        return v.getKey();
      }
    }
    return "";
  }
}
