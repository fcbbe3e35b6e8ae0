package io.podidentity.kubesim.registry;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.select.SelectableFields;
import java.time.Instant;
import java.util.List;

/**
 * What differs between kinds in the apiserver's generic registry (its {@code RESTCreateStrategy},
 * {@code RESTUpdateStrategy} and {@code RESTDeleteStrategy}): defaults and resets, validation, status handling,
 * generation tracking, and the update and delete policies. The defaults describe a plain kind such as ConfigMap.
 */
public interface KindStrategy {
  /** Whether the kind has a status subresource: the main endpoint then keeps the stored status. */
  default boolean statusSubresource() {
    return false;
  }

  /** Whether metadata.generation counts changes to everything but metadata (and status, when separate). */
  default boolean tracksGeneration() {
    return false;
  }

  /** Whether a PUT of a missing object creates it. */
  default boolean allowCreateOnUpdate() {
    return false;
  }

  /** Whether a PUT without resourceVersion overwrites the stored object. */
  default boolean allowUnconditionalUpdate() {
    return true;
  }

  /** Whether DELETE answers with the deleted object rather than a Success status. */
  default boolean returnsDeletedObject() {
    return false;
  }

  default NameRule nameRule() {
    return NameRule.SUBDOMAIN;
  }

  default SelectableFields fields() {
    return SelectableFields.metadataOnly();
  }

  /** Sets defaults and resets fields a client may not set on create; the status reset is part of this. */
  default void prepareForCreate(JsonObject obj, Instant now) {}

  /** Adjusts an update through the main endpoint; the stored status is already kept when there is a subresource. */
  default void prepareForUpdate(JsonObject obj, JsonObject old) {}

  /** Errors in kind and apiVersion, reported alone before anything else is validated (custom resources). */
  default List<FieldError> validateTypeMeta(JsonObject obj) {
    return List.of();
  }

  /** Kind-specific validation of a new object (object metadata is checked separately, before). */
  default List<FieldError> validate(JsonObject obj) {
    return List.of();
  }

  /** Kind-specific validation of an update. */
  default List<FieldError> validateUpdate(JsonObject obj, JsonObject old) {
    return validate(obj);
  }

  /** The grace period a delete without one gets; 0 deletes at once (the common case without a kubelet). */
  default long defaultGracePeriodSeconds(JsonObject obj) {
    return 0;
  }

  /** Why the object may never be deleted (a system namespace), or null. */
  default String deletionRefusal(JsonObject obj) {
    return null;
  }

  /** Whether a kind-specific finalization still holds the object (a namespace's spec.finalizers). */
  default boolean awaitsFinalization(JsonObject obj) {
    return false;
  }

  /** Changes made when deletion starts, besides the deletion timestamp (phase Terminating, cleanup finalizer). */
  default void markDeleting(JsonObject obj, Instant now) {}
}
