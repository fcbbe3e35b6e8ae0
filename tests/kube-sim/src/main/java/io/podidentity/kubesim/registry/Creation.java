package io.podidentity.kubesim.registry;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.json.Timestamps;
import io.podidentity.kubesim.store.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * POST to a collection, in the generic registry's order: namespace admission, system metadata, the kind's
 * create preparation, validation (422), then the store, where an existing name is a 409 and a generated name
 * that collides is generated again.
 */
final class Creation {
  private static final int NAME_ATTEMPTS = 8;

  private final RegistryContext ctx;

  Creation(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** Creates the decoded object (served form) in the request namespace; returns what was stored, served. */
  JsonObject create(ApiResource r, String requestNamespace, JsonObject obj, boolean dryRun) {
    String namespace = placeInNamespace(r, requestNamespace, obj);
    ctx.store().write(tx -> {
      NamespaceAdmission.checkCreate(tx, r.type(), namespace, Meta.name(obj));
      return null;
    });
    Instant now = ctx.clock().instant();
    String generateName = JsonTree.text(obj, "metadata", "generateName");
    if (Meta.name(obj).isEmpty() && !generateName.isEmpty()) {
      Meta.set(obj, "name", ctx.generateName(generateName));
    }
    String requestedVersion = Meta.resourceVersion(obj);
    prepare(r, obj, now);
    validate(r, obj);
    return ctx.store().write(tx -> store(tx, r, namespace, obj, requestedVersion, generateName), dryRun);
  }

  /** The storing step, inside a transaction: admission again, then the name must be free. */
  JsonObject store(Transaction tx, ApiResource r, String namespace, JsonObject obj, String requestedVersion,
      String generateName) {
    NamespaceAdmission.checkCreate(tx, r.type(), namespace, Meta.name(obj));
    if (!requestedVersion.isEmpty()) {
      throw ApiException.internal("resourceVersion should not be set on objects to be created");
    }
    for (int attempt = 1; tx.get(r.bucket(), namespace, Meta.name(obj)) != null; attempt++) {
      if (generateName.isEmpty() || attempt >= NAME_ATTEMPTS) {
        throw ApiException.alreadyExists(r.type(), Meta.name(obj));
      }
      Meta.set(obj, "name", ctx.generateName(generateName));
    }
    return r.view().fromStorage(tx.put(r.bucket(), r.view().toStorage(obj)));
  }

  private static String placeInNamespace(ApiResource r, String requestNamespace, JsonObject obj) {
    if (!r.type().namespaced()) {
      Meta.of(obj).remove("namespace");
      return "";
    }
    String bodyNamespace = Meta.namespace(obj);
    if (bodyNamespace.isEmpty()) {
      Meta.set(obj, "namespace", requestNamespace);
    } else if (!bodyNamespace.equals(requestNamespace)) {
      throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
    return requestNamespace;
  }

  static void prepare(ApiResource r, JsonObject obj, Instant now) {
    JsonObject meta = Meta.of(obj);
    for (String field : List.of("resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink",
        "managedFields")) {
      meta.remove(field);
    }
    meta.addProperty("uid", UUID.randomUUID().toString());
    meta.addProperty("creationTimestamp", Timestamps.seconds(now));
    if (r.strategy().tracksGeneration()) {
      Meta.setGeneration(obj, 1);
    } else {
      meta.remove("generation");
    }
    r.strategy().prepareForCreate(obj, now);
  }

  static void validate(ApiResource r, JsonObject obj) {
    List<FieldError> typeErrors = r.strategy().validateTypeMeta(obj);
    if (!typeErrors.isEmpty()) {
      throw ApiException.invalid(r.type(), Meta.name(obj), typeErrors);
    }
    List<FieldError> errs = new ArrayList<>(ObjectMetaRules.onCreate(obj, r.strategy().nameRule()));
    errs.addAll(r.strategy().validate(obj));
    if (!errs.isEmpty()) {
      throw ApiException.invalid(r.type(), Meta.name(obj), errs);
    }
  }
}
