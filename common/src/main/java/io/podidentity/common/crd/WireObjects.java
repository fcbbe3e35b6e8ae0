package io.podidentity.common.crd;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.ObjectRef;
import java.util.Map;

/** Checks on wire values shared by the mappers; each returns a rejection rather than throwing on bad input. */
final class WireObjects {
  private WireObjects() {}

  /** The object's namespace and name, or a rejection naming the kind and what is missing. */
  static Mapped<ObjectRef> ref(String kind, KubernetesObject object) {
    V1ObjectMeta metadata = object.getMetadata();
    String namespace = metadata == null ? null : metadata.getNamespace();
    String name = metadata == null ? null : metadata.getName();
    String shown = kind + " " + orQuestionMark(namespace) + "/" + orQuestionMark(name);
    if (isBlank(name)) {
      return Mapped.rejected(shown + ": metadata.name is missing");
    }
    if (isBlank(namespace)) {
      return Mapped.rejected(shown + ": metadata.namespace is missing");
    }
    return Mapped.valid(new ObjectRef(namespace, name));
  }

  /** The object's resourceVersion, empty when it has none (not yet written). */
  static String resourceVersion(KubernetesObject object) {
    V1ObjectMeta metadata = object.getMetadata();
    return metadata == null || metadata.getResourceVersion() == null ? "" : metadata.getResourceVersion();
  }

  /** The text of a required string field, or a rejection naming the field. */
  static Mapped<String> required(String field, String value) {
    return isBlank(value) ? Mapped.rejected(field + " is missing") : Mapped.valid(value);
  }

  /** Whether an AzureIdentity carries the annotation that restricts it to its own namespace. */
  static boolean isNamespacedIdentity(V1AzureIdentity identity) {
    V1ObjectMeta metadata = identity.getMetadata();
    Map<String, String> annotations = metadata == null ? null : metadata.getAnnotations();
    return annotations != null
        && CrdNames.BEHAVIOR_NAMESPACED.equals(annotations.get(CrdNames.BEHAVIOR_ANNOTATION));
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String orQuestionMark(String value) {
    return isBlank(value) ? "?" : value;
  }
}
