package io.podidentity.common.port;

import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodRef;
import java.util.Objects;

/** The object an Event is about: its apiVersion, kind, namespace and name. */
public record EventTarget(String apiVersion, String kind, String namespace, String name) {
  private static final String CRD_API_VERSION = "aadpodidentity.k8s.io/v1";

  public EventTarget {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  public static EventTarget identity(ObjectRef ref) {
    return new EventTarget(CRD_API_VERSION, "AzureIdentity", ref.namespace(), ref.name());
  }

  public static EventTarget binding(ObjectRef ref) {
    return new EventTarget(CRD_API_VERSION, "AzureIdentityBinding", ref.namespace(), ref.name());
  }

  public static EventTarget assignedIdentity(ObjectRef ref) {
    return new EventTarget(CRD_API_VERSION, "AzureAssignedIdentity", ref.namespace(), ref.name());
  }

  public static EventTarget pod(PodRef ref) {
    return new EventTarget("v1", "Pod", ref.namespace(), ref.name());
  }

  /** A cluster-scoped node; Events about it live in {@code default}, as kubectl looks for them. */
  public static EventTarget node(String name) {
    return new EventTarget("v1", "Node", "", name);
  }

  @Override
  public String toString() {
    return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
