package io.podidentity.common.model;

import java.util.Optional;

/** The kind of Azure identity, with the integer that {@code AzureIdentity.spec.type} carries on the wire. */
public enum IdentityType {
  /** A user-assigned managed identity; tokens come from IMDS once MIC has attached it to the node's VM or VMSS. */
  USER_ASSIGNED_MSI(0),
  /** A service principal with a client secret; NMI asks Azure AD directly. */
  SERVICE_PRINCIPAL(1),
  /** A service principal with a PKCS#12 certificate; NMI asks Azure AD directly. */
  SERVICE_PRINCIPAL_CERTIFICATE(2);

  private final int code;

  IdentityType(int code) {
    this.code = code;
  }

  /** The wire value of {@code spec.type}. */
  public int code() {
    return code;
  }

  /** The type for a wire value; empty for anything but 0, 1 and 2. */
  public static Optional<IdentityType> fromCode(int code) {
    for (IdentityType type : values()) {
      if (type.code == code) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
