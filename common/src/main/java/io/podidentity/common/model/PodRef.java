package io.podidentity.common.model;

/**
 * The namespace and name of a pod. Kept apart from {@link ObjectRef} so a pod can never be passed where an identity
 * or binding is meant. {@link #toString()} gives {@code namespace/name}.
 */
public record PodRef(String namespace, String name) {
  public PodRef {
    Names.requireNonBlank(namespace, "namespace");
    Names.requireNonBlank(name, "name");
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
