package io.podidentity.kubesim.registry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.store.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * PUT and PATCH (and the controllers' writes), as the generic registry's GuaranteedUpdate does them under the
 * store lock: the resourceVersion precondition, the status subresource split, system metadata kept from the
 * stored object, generation, validation, no write when nothing changed, and the final removal of an object whose
 * last finalizer is gone.
 */
final class Updating {
  private final RegistryContext ctx;
  private final Creation creation;

  Updating(RegistryContext ctx, Creation creation) {
    this.ctx = ctx;
    this.creation = creation;
  }

  /**
   * The outcome: the object as served afterwards, whether the update created it, and whether it removed it (an
   * update taking the last finalizer off an object being deleted deletes it instead of storing it).
   */
  record Result(JsonObject object, boolean created, boolean deleted) {}

  /**
   * Updates an object with the served form the change computes from the current served form.
   *
   * @param subresource null, "status" or "finalize"
   */
  Result update(ApiResource r, String namespace, String name, String subresource, UnaryOperator<JsonObject> change,
      boolean forceAllowCreate, boolean dryRun) {
    return ctx.store().write(tx -> {
      JsonObject stored = tx.get(r.bucket(), namespace, name);
      if (stored == null) {
        return createOnUpdate(tx, r, namespace, name, subresource, change, forceAllowCreate);
      }
      JsonObject current = r.view().fromStorage(stored);
      JsonObject next = change.apply(current.deepCopy());
      checkIdentity(r, namespace, name, next);
      precondition(r, name, next, current);
      JsonObject updated = prepare(r, next, current, subresource);
      validate(r, updated, current);
      if (sameIgnoringVersion(updated, current)) {
        return new Result(current, false, false);
      }
      if (readyToRemove(r, updated)) {
        return new Result(r.view().fromStorage(tx.remove(r.bucket(), namespace, name)), false, true);
      }
      return new Result(r.view().fromStorage(tx.put(r.bucket(), r.view().toStorage(updated))), false, false);
    }, dryRun);
  }

  private Result createOnUpdate(Transaction tx, ApiResource r, String namespace, String name, String subresource,
      UnaryOperator<JsonObject> change, boolean forceAllowCreate) {
    if (subresource != null || !(r.strategy().allowCreateOnUpdate() || forceAllowCreate)) {
      throw ApiException.notFound(r.type(), name);
    }
    JsonObject obj = change.apply(null);
    if (obj == null) {
      throw ApiException.notFound(r.type(), name);
    }
    checkIdentity(r, namespace, name, obj);
    Meta.of(obj).remove("resourceVersion");
    Creation.prepare(r, obj, ctx.clock().instant());
    Creation.validate(r, obj);
    return new Result(creation.store(tx, r, namespace, obj, "", ""), true, false);
  }

  private static void checkIdentity(ApiResource r, String namespace, String name, JsonObject obj) {
    if (r.type().namespaced()) {
      String ns = Meta.namespace(obj);
      if (ns.isEmpty()) {
        Meta.set(obj, "namespace", namespace);
      } else if (!ns.equals(namespace)) {
        throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
      }
    } else {
      Meta.of(obj).remove("namespace");
    }
    if (!Meta.name(obj).equals(name)) {
      throw ApiException.badRequest("the name of the object (" + Meta.name(obj) + ") does not match the name on the URL ("
          + name + ")");
    }
  }

  private static void precondition(ApiResource r, String name, JsonObject next, JsonObject current) {
    String rv = Meta.resourceVersion(next);
    if (rv.isEmpty()) {
      if (!r.strategy().allowUnconditionalUpdate()) {
        // the apiserver names the resource, not the kind, in this one
        throw ApiException.invalid(r.type().group(), r.type().plural(), name, List.of(FieldError.invalid(
            "metadata.resourceVersion", new JsonPrimitive(0), "must be specified for an update").withDisplayValue("0x0")));
      }
      return;
    }
    if (!rv.equals(Meta.resourceVersion(current))) {
      throw ApiException.modified(r.type(), name);
    }
  }

  private JsonObject prepare(ApiResource r, JsonObject next, JsonObject current, String subresource) {
    JsonObject updated;
    if ("status".equals(subresource)) {
      updated = current.deepCopy();
      replace(updated, "status", next.get("status"));
    } else if ("finalize".equals(subresource)) {
      updated = current.deepCopy();
      JsonTree.child(updated, "spec").add("finalizers", JsonTree.at(next, "spec", "finalizers") == null
          ? new com.google.gson.JsonArray() : JsonTree.at(next, "spec", "finalizers"));
    } else {
      updated = next;
      if (r.strategy().statusSubresource()) {
        replace(updated, "status", current.get("status"));
      }
      r.strategy().prepareForUpdate(updated, current);
    }
    keepSystemMetadata(updated, current);
    if (r.strategy().tracksGeneration()) {
      long generation = Meta.generation(current);
      Meta.setGeneration(updated, specChanged(r, updated, current) ? generation + 1 : generation);
    }
    return updated;
  }

  private static void keepSystemMetadata(JsonObject updated, JsonObject current) {
    JsonObject meta = Meta.of(updated);
    if (Meta.uid(updated).isEmpty()) {
      meta.addProperty("uid", Meta.uid(current));
    }
    for (String field : List.of("creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation")) {
      JsonElement old = JsonTree.at(current, "metadata", field);
      if (old != null) {
        meta.add(field, old);
      } else if (!field.equals("generation")) {
        meta.remove(field);
      }
    }
    meta.remove("managedFields");
    meta.remove("selfLink");
    meta.addProperty("resourceVersion", Meta.resourceVersion(current));
  }

  private static boolean specChanged(ApiResource r, JsonObject updated, JsonObject current) {
    JsonObject a = updated.deepCopy();
    JsonObject b = current.deepCopy();
    for (JsonObject o : List.of(a, b)) {
      o.remove("metadata");
      if (r.strategy().statusSubresource()) {
        o.remove("status");
      }
    }
    return !a.equals(b);
  }

  private static void validate(ApiResource r, JsonObject updated, JsonObject current) {
    List<FieldError> typeErrors = r.strategy().validateTypeMeta(updated);
    if (!typeErrors.isEmpty()) {
      throw ApiException.invalid(r.type(), Meta.name(updated), typeErrors);
    }
    List<FieldError> errs = new ArrayList<>(ObjectMetaRules.onUpdate(updated, current));
    errs.addAll(r.strategy().validateUpdate(updated, current));
    if (!errs.isEmpty()) {
      throw ApiException.invalid(r.type(), Meta.name(updated), errs);
    }
  }

  private static boolean sameIgnoringVersion(JsonObject updated, JsonObject current) {
    return Objects.equals(Meta.canonical(updated), Meta.canonical(current));
  }

  /** Whether an object being deleted has nothing left holding it (no finalizers, no pending grace period). */
  static boolean readyToRemove(ApiResource r, JsonObject obj) {
    if (!Meta.isDeleting(obj) || !Meta.finalizers(obj).isEmpty() || r.strategy().awaitsFinalization(obj)) {
      return false;
    }
    JsonElement grace = JsonTree.at(obj, "metadata", "deletionGracePeriodSeconds");
    return grace == null || !grace.isJsonPrimitive() || grace.getAsLong() == 0;
  }

  private static void replace(JsonObject obj, String field, JsonElement value) {
    if (value == null || value.isJsonNull()) {
      obj.remove(field);
    } else {
      obj.add(field, value.deepCopy());
    }
  }
}
