package io.podidentity.kubesim.registry;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.api.ResourceType;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.store.Transaction;
import java.util.List;

/**
 * The NamespaceLifecycle admission plugin: namespaced objects can only be created in a namespace that exists
 * and is not being terminated.
 */
final class NamespaceAdmission {
  static final String BUCKET = "namespaces";

  private NamespaceAdmission() {}

  static void checkCreate(Transaction tx, ResourceType type, String namespace, String name) {
    if (!type.namespaced()) {
      return;
    }
    JsonObject ns = tx.get(BUCKET, "", namespace);
    if (ns == null) {
      throw ApiException.notFound("", "namespaces", namespace);
    }
    if (Meta.isDeleting(ns)) {
      String why = "unable to create new content in namespace " + namespace + " because it is being terminated";
      throw ApiException.forbidden(type, name, why,
          List.of(new ApiException.Cause("NamespaceTerminating", why, "metadata.namespace")));
    }
  }
}
