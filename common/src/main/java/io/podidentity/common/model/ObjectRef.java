package io.podidentity.common.model;

/**
 * The namespace and name of one of the four namespaced CRD objects; the key MIC and NMI index them by. {@link
 * #toString()} gives {@code namespace/name}, the form log lines and rejection reasons use.
 */
public record ObjectRef(String namespace, String name) {
  public ObjectRef {
    Names.requireNonBlank(namespace, "namespace");
    Names.requireNonBlank(name, "name");
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
