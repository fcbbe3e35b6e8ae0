package io.podidentity.common.model;

import java.util.List;
import java.util.Objects;

/**
 * What it takes to obtain a token for an identity, one case per {@link IdentityType}. NMI switches over it to pick
 * the token source; MIC only attaches {@link UserAssignedMsi} identities to VMs. An empty {@code adEndpoint} means
 * the public cloud's Azure AD authority, as in the original.
 */
public sealed interface IdentityCredential {

  /** The wire type this credential belongs to. */
  IdentityType type();

  /** A user-assigned managed identity, attached to the node's VM or scale set by MIC. */
  record UserAssignedMsi(UserAssignedIdentityId resourceId) implements IdentityCredential {
    public UserAssignedMsi {
      Objects.requireNonNull(resourceId, "resourceId");
    }

    @Override
    public IdentityType type() {
      return IdentityType.USER_ASSIGNED_MSI;
    }
  }

  /**
   * A service principal whose client secret is the (first) value of the Secret; with auxiliary tenants the token
   * response becomes an array, primary tenant first.
   */
  record ServicePrincipalSecret(String tenantId, SecretRef secret, List<String> auxiliaryTenantIds, String adEndpoint)
      implements IdentityCredential {
    public ServicePrincipalSecret {
      Names.requireNonBlank(tenantId, "tenantId");
      Objects.requireNonNull(secret, "secret");
      auxiliaryTenantIds = List.copyOf(auxiliaryTenantIds);
      Objects.requireNonNull(adEndpoint, "adEndpoint");
    }

    @Override
    public IdentityType type() {
      return IdentityType.SERVICE_PRINCIPAL;
    }
  }

  /** A service principal whose Secret holds a PKCS#12 {@code certificate} and its {@code password}. */
  record ServicePrincipalCertificate(String tenantId, SecretRef secret, String adEndpoint)
      implements IdentityCredential {
    public ServicePrincipalCertificate {
      Names.requireNonBlank(tenantId, "tenantId");
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(adEndpoint, "adEndpoint");
    }

    @Override
    public IdentityType type() {
      return IdentityType.SERVICE_PRINCIPAL_CERTIFICATE;
    }
  }
}
