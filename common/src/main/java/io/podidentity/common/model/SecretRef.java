package io.podidentity.common.model;

/**
 * The Secret holding a service principal's credentials ({@code spec.clientPassword}). Both parts are required: the
 * original reads the Secret by exactly this namespace and name, so one without a namespace can never be read.
 */
public record SecretRef(String namespace, String name) {
  public SecretRef {
    Names.requireNonBlank(namespace, "namespace");
    Names.requireNonBlank(name, "name");
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
