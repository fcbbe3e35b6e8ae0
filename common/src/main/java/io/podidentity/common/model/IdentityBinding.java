package io.podidentity.common.model;

import java.util.Objects;

/**
 * A validated {@code AzureIdentityBinding}: pods whose {@code aadpodidbinding} label equals {@code selector} (exactly,
 * case-sensitive) may use the identity named {@code identityName} in the binding's own namespace. {@code
 * resourceVersion} is kept for MIC's desired-versus-current match. The unused {@code weight} is not carried.
 */
public record IdentityBinding(ObjectRef ref, String resourceVersion, String identityName, String selector) {

  public IdentityBinding {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(resourceVersion, "resourceVersion");
    Names.requireNonBlank(identityName, "identityName");
    Names.requireNonBlank(selector, "selector");
  }

  /** The identity this binding names: always looked up in the binding's namespace. */
  public ObjectRef identityRef() {
    return new ObjectRef(ref.namespace(), identityName);
  }

  /** Whether a pod with this {@code aadpodidbinding} label value is selected; {@code null} never is. */
  public boolean selects(String podLabelValue) {
    return selector.equals(podLabelValue);
  }
}
