package io.podidentity.kubesim.registry;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.json.Meta;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The verbs on stored objects with the apiserver's semantics, shared by the HTTP handlers, the controllers and
 * the library API. Objects go in and come out in the served form of the resource they are addressed through.
 */
public final class Registry {
  private final RegistryContext ctx;
  private final BodyDecoder decoder;
  private final Creation creation;
  private final Updating updating;
  private final Deletion deletion;
  private final Reading reading;

  public Registry(RegistryContext ctx) {
    this.ctx = ctx;
    this.decoder = new BodyDecoder(ctx.resources());
    this.creation = new Creation(ctx);
    this.updating = new Updating(ctx, creation);
    this.deletion = new Deletion(ctx);
    this.reading = new Reading(ctx);
  }

  public RegistryContext context() {
    return ctx;
  }

  public BodyDecoder decoder() {
    return decoder;
  }

  /**
   * The outcome of a write: the object as served afterwards, whether it was created (201) rather than changed, and
   * whether the write deleted it (its last finalizer removed while it was being deleted).
   */
  public record Written(JsonObject object, boolean created, boolean deleted) {}

  /** The outcome of a delete: the object and whether it is gone or only marked for deletion. */
  public record Deleted(JsonObject object, boolean gone) {}

  /** A page of a list: served items, the list's resourceVersion, and continue/remaining when paginated. */
  public record Page(List<JsonObject> items, long resourceVersion, String continueToken, Long remainingItemCount) {}

  public JsonObject get(ApiResource r, String namespace, String name) {
    return reading.get(r, namespace, name);
  }

  public Page list(ApiResource r, String namespace, ListOptions options) {
    Reading.Page p = reading.list(r, namespace, options);
    return new Page(p.items(), p.resourceVersion(), p.continueToken(), p.remainingItemCount());
  }

  /** Whether a stored object passes the selectors (checked against the resource's selectable fields). */
  public boolean matches(ApiResource r, JsonObject stored, ListOptions options) {
    return reading.matches(r, stored, options);
  }

  public void awaitRevision(long resourceVersion) {
    reading.awaitRevision(resourceVersion);
  }

  public JsonObject create(ApiResource r, String namespace, JsonObject obj) {
    return create(r, namespace, obj, false);
  }

  /** POST; a dry run validates and answers as if it stored, but stores nothing. */
  public JsonObject create(ApiResource r, String namespace, JsonObject obj, boolean dryRun) {
    return creation.create(r, namespace, obj, dryRun);
  }

  /** PUT: replaces the object (or its status or finalizers) with the body's version of it. */
  public Written replace(ApiResource r, String namespace, String name, String subresource, JsonObject obj,
      boolean dryRun) {
    Updating.Result result = updating.update(r, namespace, name, subresource, current -> obj.deepCopy(), false, dryRun);
    return new Written(result.object(), result.created(), result.deleted());
  }

  /** PATCH: applies the body to the current object, then updates as a PUT would. */
  public Written patch(ApiResource r, String namespace, String name, String subresource, PatchBody patch,
      FieldValidation directive, List<String> warnings, boolean dryRun) {
    boolean apply = patch.type() == PatchBody.Type.APPLY;
    UnaryOperator<JsonObject> change = current -> {
      if (current == null && !apply) {
        return null;
      }
      JsonObject base = current != null ? current : skeleton(r, namespace, name);
      JsonObject patched = patch.applyTo(base, r);
      BodyDecoder.Decoded decoded = decoder.decodeObject(patched, r, directive, List.of());
      warnings.addAll(decoded.warnings());
      if (current != null && Meta.resourceVersion(decoded.object()).isEmpty()) {
        Meta.set(decoded.object(), "resourceVersion", Meta.resourceVersion(current));
      }
      return decoded.object();
    };
    Updating.Result result = updating.update(r, namespace, name, subresource, change, apply, dryRun);
    return new Written(result.object(), result.created(), result.deleted());
  }

  /** An update computed from the current object, for controllers (no decoding, no warnings). */
  public JsonObject modify(ApiResource r, String namespace, String name, String subresource, UnaryOperator<JsonObject> change) {
    return updating.update(r, namespace, name, subresource, change, false, false).object();
  }

  /** The empty object an apply patch creates from: kind, apiVersion, name and namespace. */
  private static JsonObject skeleton(ApiResource r, String namespace, String name) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", r.type().kind());
    o.addProperty("apiVersion", r.type().apiVersion());
    JsonObject meta = new JsonObject();
    meta.addProperty("name", name);
    if (r.type().namespaced()) {
      meta.addProperty("namespace", namespace);
    }
    o.add("metadata", meta);
    return o;
  }

  public Deleted delete(ApiResource r, String namespace, String name, Long gracePeriodSeconds, String uid,
      String resourceVersion) {
    return delete(r, namespace, name, gracePeriodSeconds, uid, resourceVersion, false);
  }

  public Deleted delete(ApiResource r, String namespace, String name, Long gracePeriodSeconds, String uid,
      String resourceVersion, boolean dryRun) {
    Deletion.Result result = deletion.delete(r, namespace, name, new Deletion.Options(gracePeriodSeconds, uid, resourceVersion),
        dryRun);
    return new Deleted(result.object(), result.deleted());
  }

  /** Deletes every object the options select; returns the objects as the deletes answered them. */
  public List<JsonObject> deleteCollection(ApiResource r, String namespace, ListOptions options, Long gracePeriodSeconds,
      boolean dryRun) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject o : list(r, namespace, options).items()) {
      try {
        out.add(delete(r, Meta.namespace(o), Meta.name(o), gracePeriodSeconds, null, null, dryRun).object());
      } catch (ApiException e) {
        if (e.code() != 404) {
          throw e;
        }
      }
    }
    return out;
  }
}
