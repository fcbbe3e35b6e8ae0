package io.podidentity.common.crd;

import io.kubernetes.client.openapi.models.V1SecretReference;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.ClientId;
import io.podidentity.common.model.IdentityCredential;
import io.podidentity.common.model.IdentityType;
import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.SecretRef;
import io.podidentity.common.model.UserAssignedIdentityId;
import java.util.List;
import java.util.Optional;

/**
 * Validates a {@link V1AzureIdentity} into an {@link AzureIdentity}. The type must be 0, 1 or 2 (absent means 0);
 * every type needs a GUID client ID; type 0 needs a resource ID that the original's pattern accepts (MIC ignores a
 * type-0 identity without one); types 1 and 2 need a tenant and a complete secret reference.
 */
public final class AzureIdentityMapper {
  private static final String KIND = CrdNames.AZURE_IDENTITY_KIND;

  private AzureIdentityMapper() {}

  /** The domain identity, or a rejection of the form {@code AzureIdentity ns/name: <field>: <what is wrong>}. */
  public static Mapped<AzureIdentity> toDomain(V1AzureIdentity wire) {
    return WireObjects.ref(KIND, wire)
        .flatMap(ref -> fromSpec(ref, wire).explain(KIND + " " + ref));
  }

  private static Mapped<AzureIdentity> fromSpec(ObjectRef ref, V1AzureIdentity wire) {
    V1AzureIdentitySpec spec = wire.getSpec() == null ? new V1AzureIdentitySpec() : wire.getSpec();
    int code = spec.getType() == null ? 0 : spec.getType();
    Optional<IdentityType> type = IdentityType.fromCode(code);
    if (type.isEmpty()) {
      return Mapped.rejected("spec.type " + code + " is not 0 (user-assigned MSI), 1 (service principal) "
          + "or 2 (service principal certificate)");
    }
    return ClientId.parse(spec.getClientID()).explain("spec.clientID")
        .flatMap(clientId -> credential(type.get(), spec)
            .map(credential -> new AzureIdentity(
                ref,
                WireObjects.resourceVersion(wire),
                clientId,
                credential,
                resourceId(credential, spec),
                WireObjects.isNamespacedIdentity(wire))));
  }

  private static Mapped<IdentityCredential> credential(IdentityType type, V1AzureIdentitySpec spec) {
    String adEndpoint = spec.getAdEndpoint() == null ? "" : spec.getAdEndpoint();
    return switch (type) {
      case USER_ASSIGNED_MSI -> UserAssignedIdentityId.parse(spec.getResourceID()).explain("spec.resourceID")
          .map(IdentityCredential.UserAssignedMsi::new);
      case SERVICE_PRINCIPAL -> WireObjects.required("spec.tenantID", spec.getTenantID())
          .flatMap(tenant -> secret(spec.getClientPassword())
              .flatMap(secret -> auxiliaryTenants(spec.getAuxiliaryTenantIDs())
                  .map(aux -> new IdentityCredential.ServicePrincipalSecret(tenant, secret, aux, adEndpoint))));
      case SERVICE_PRINCIPAL_CERTIFICATE -> WireObjects.required("spec.tenantID", spec.getTenantID())
          .flatMap(tenant -> secret(spec.getClientPassword())
              .map(secret -> new IdentityCredential.ServicePrincipalCertificate(tenant, secret, adEndpoint)));
    };
  }

  private static Mapped<SecretRef> secret(V1SecretReference reference) {
    if (reference == null) {
      return Mapped.rejected("spec.clientPassword is missing");
    }
    return WireObjects.required("spec.clientPassword.name", reference.getName())
        .flatMap(name -> WireObjects.required("spec.clientPassword.namespace", reference.getNamespace())
            .map(namespace -> new SecretRef(namespace, name)));
  }

  private static Mapped<List<String>> auxiliaryTenants(List<String> tenants) {
    if (tenants == null) {
      return Mapped.valid(List.of());
    }
    for (int i = 0; i < tenants.size(); i++) {
      if (WireObjects.isBlank(tenants.get(i))) {
        return Mapped.rejected("spec.auxiliaryTenantIDs[" + i + "] is empty");
      }
    }
    return Mapped.valid(List.copyOf(tenants));
  }

  // NMI matches a request's msi_res_id against spec.resourceID for every type, so a valid one is kept for SPs too.
  private static Optional<UserAssignedIdentityId> resourceId(IdentityCredential credential, V1AzureIdentitySpec spec) {
    if (credential instanceof IdentityCredential.UserAssignedMsi msi) {
      return Optional.of(msi.resourceId());
    }
    return switch (UserAssignedIdentityId.parse(spec.getResourceID())) {
      case Mapped.Valid<UserAssignedIdentityId>(UserAssignedIdentityId id) -> Optional.of(id);
      case Mapped.Rejected<UserAssignedIdentityId> rejected -> Optional.empty();
    };
  }
}
