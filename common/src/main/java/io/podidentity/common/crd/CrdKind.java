package io.podidentity.common.crd;

import java.util.Locale;
import java.util.Optional;

/**
 * The four kinds with their REST names and wire classes, e.g. to build a client-java {@code GenericKubernetesApi}
 * ({@code new GenericKubernetesApi<>(V1AzureIdentity.class, V1AzureIdentityList.class, CrdNames.GROUP,
 * CrdNames.VERSION, CrdKind.AZURE_IDENTITY.plural(), apiClient)}). Listed in the order MIC's type upgrade handles
 * them: assigned identities last, because they embed the others.
 */
public enum CrdKind {
  AZURE_IDENTITY(CrdNames.AZURE_IDENTITY_KIND, CrdNames.AZURE_IDENTITY_PLURAL, V1AzureIdentity.class,
      V1AzureIdentityList.class),
  AZURE_IDENTITY_BINDING(CrdNames.AZURE_IDENTITY_BINDING_KIND, CrdNames.AZURE_IDENTITY_BINDING_PLURAL,
      V1AzureIdentityBinding.class, V1AzureIdentityBindingList.class),
  AZURE_POD_IDENTITY_EXCEPTION(CrdNames.AZURE_POD_IDENTITY_EXCEPTION_KIND,
      CrdNames.AZURE_POD_IDENTITY_EXCEPTION_PLURAL, V1AzurePodIdentityException.class,
      V1AzurePodIdentityExceptionList.class),
  AZURE_ASSIGNED_IDENTITY(CrdNames.AZURE_ASSIGNED_IDENTITY_KIND, CrdNames.AZURE_ASSIGNED_IDENTITY_PLURAL,
      V1AzureAssignedIdentity.class, V1AzureAssignedIdentityList.class);

  private final String kind;
  private final String plural;
  private final Class<? extends CrdObject<?, ?, ?>> objectClass;
  private final Class<? extends CrdList<?, ?>> listClass;

  CrdKind(String kind, String plural, Class<? extends CrdObject<?, ?, ?>> objectClass,
      Class<? extends CrdList<?, ?>> listClass) {
    this.kind = kind;
    this.plural = plural;
    this.objectClass = objectClass;
    this.listClass = listClass;
  }

  /** The kind, e.g. {@code AzureIdentity}. */
  public String kind() {
    return kind;
  }

  /** The kind of its lists, e.g. {@code AzureIdentityList}. */
  public String listKind() {
    return kind + "List";
  }

  /** The REST resource name, e.g. {@code azureidentities}. */
  public String plural() {
    return plural;
  }

  /** The singular name, e.g. {@code azureidentity}. */
  public String singular() {
    return kind.toLowerCase(Locale.ROOT);
  }

  /** The CRD's name, e.g. {@code azureidentities.aadpodidentity.k8s.io}. */
  public String crdName() {
    return plural + "." + CrdNames.GROUP;
  }

  public Class<? extends CrdObject<?, ?, ?>> objectClass() {
    return objectClass;
  }

  public Class<? extends CrdList<?, ?>> listClass() {
    return listClass;
  }

  /** The constant for a kind name; empty when it is not one of the four. */
  public static Optional<CrdKind> of(String kind) {
    for (CrdKind value : values()) {
      if (value.kind.equals(kind)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
