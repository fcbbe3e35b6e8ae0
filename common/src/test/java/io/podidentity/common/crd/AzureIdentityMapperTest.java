package io.podidentity.common.crd;

import static io.podidentity.common.testing.CrdFixtures.CLIENT_ID;
import static io.podidentity.common.testing.CrdFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1SecretReference;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.ClientId;
import io.podidentity.common.model.IdentityCredential;
import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.SecretRef;
import io.podidentity.common.model.UserAssignedIdentityId;
import io.podidentity.common.testing.CrdFixtures;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AzureIdentityMapperTest {
  private static final String UAMI_ID = CrdFixtures.userAssignedIdentityId("identities-rg", "id1");

  @Test
  void mapsUserAssignedIdentity() {
    V1AzureIdentity wire = CrdFixtures.userAssignedIdentity("team-a", "id1", CLIENT_ID);

    assertThat(AzureIdentityMapper.toDomain(wire))
        .isEqualTo(Mapped.valid(AzureIdentity.userAssigned(
            new ObjectRef("team-a", "id1"),
            "1",
            new ClientId(CLIENT_ID),
            new UserAssignedIdentityId(CrdFixtures.SUBSCRIPTION, "identities-rg", "id1"),
            false)));
  }

  @Test
  void absentTypeMeansUserAssignedAsWithGoOmitEmpty() {
    V1AzureIdentity wire = CrdFixtures.userAssignedIdentity("ns", "id1", CLIENT_ID);
    wire.getSpec().type(null);

    assertThat(AzureIdentityMapper.toDomain(wire).map(AzureIdentity::type))
        .isEqualTo(Mapped.valid(io.podidentity.common.model.IdentityType.USER_ASSIGNED_MSI));
  }

  @Test
  void mapsServicePrincipalWithAuxiliaryTenantsAndEndpoint() {
    V1AzureIdentity wire = CrdFixtures.servicePrincipal("ns", "sp", CLIENT_ID);
    wire.getSpec().auxiliaryTenantIDs(List.of("t2", "t3")).adEndpoint("https://login.chinacloudapi.cn/");

    assertThat(AzureIdentityMapper.toDomain(wire).map(AzureIdentity::credential))
        .isEqualTo(Mapped.valid(new IdentityCredential.ServicePrincipalSecret(
            TENANT, new SecretRef("ns", "sp-secret"), List.of("t2", "t3"), "https://login.chinacloudapi.cn/")));
  }

  @Test
  void mapsCertificateServicePrincipalAndKeepsAValidResourceIdForMsiResIdMatching() {
    V1AzureIdentity wire = CrdFixtures.certificateServicePrincipal("ns", "cert", CLIENT_ID);
    wire.getSpec().resourceID(UAMI_ID);

    Mapped<AzureIdentity> mapped = AzureIdentityMapper.toDomain(wire);

    assertThat(mapped.map(AzureIdentity::credential))
        .isEqualTo(Mapped.valid(
            new IdentityCredential.ServicePrincipalCertificate(TENANT, new SecretRef("ns", "cert-cert"), "")));
    assertThat(mapped.map(AzureIdentity::resourceId))
        .isEqualTo(Mapped.valid(
            Optional.of(new UserAssignedIdentityId(CrdFixtures.SUBSCRIPTION, "identities-rg", "id1"))));
  }

  @Test
  void servicePrincipalWithoutUsableResourceIdHasNone() {
    V1AzureIdentity wire = CrdFixtures.servicePrincipal("ns", "sp", CLIENT_ID);
    wire.getSpec().resourceID("not-an-arm-id");

    assertThat(AzureIdentityMapper.toDomain(wire).map(AzureIdentity::resourceId))
        .isEqualTo(Mapped.valid(Optional.empty()));
  }

  @Test
  void namespacedAnnotationRestrictsTheIdentity() {
    V1AzureIdentity annotated = CrdFixtures.namespaced(CrdFixtures.userAssignedIdentity("ns", "id1", CLIENT_ID));
    V1AzureIdentity otherValue = CrdFixtures.userAssignedIdentity("ns", "id1", CLIENT_ID);
    otherValue.getMetadata().putAnnotationsItem(CrdNames.BEHAVIOR_ANNOTATION, "Namespaced");

    assertThat(AzureIdentityMapper.toDomain(annotated).map(AzureIdentity::namespaced)).isEqualTo(Mapped.valid(true));
    assertThat(AzureIdentityMapper.toDomain(otherValue).map(AzureIdentity::namespaced))
        .isEqualTo(Mapped.valid(false));
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        rejects("type 3", w -> w.getSpec().type(3),
            "AzureIdentity ns/id1: spec.type 3 is not 0 (user-assigned MSI), 1 (service principal) "
                + "or 2 (service principal certificate)"),
        rejects("no client ID", w -> w.getSpec().clientID(null), "AzureIdentity ns/id1: spec.clientID: is missing"),
        rejects("client ID not a GUID", w -> w.getSpec().clientID("my-app-client-id"),
            "AzureIdentity ns/id1: spec.clientID: \"my-a##### REDACTED #####t-id\" is not a GUID"),
        rejects("no resource ID", w -> w.getSpec().resourceID(null),
            "AzureIdentity ns/id1: spec.resourceID: is missing"),
        rejects("resource ID of a VM", w -> w.getSpec().resourceID(
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/v"),
            "AzureIdentity ns/id1: spec.resourceID: \"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute"
                + "/virtualMachines/v\" does not match /subscriptions/<subscription>/resourcegroups/<resourcegroup>"
                + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>"),
        rejects("no spec", w -> w.spec(null), "AzureIdentity ns/id1: spec.clientID: is missing"),
        rejects("no name", w -> w.getMetadata().name(null), "AzureIdentity ns/?: metadata.name is missing"),
        rejects("no namespace", w -> w.getMetadata().namespace(""),
            "AzureIdentity ?/id1: metadata.namespace is missing"),
        rejects("SP without tenant", w -> asServicePrincipal(w, 1).tenantID(" "),
            "AzureIdentity ns/id1: spec.tenantID is missing"),
        rejects("SP without secret", w -> asServicePrincipal(w, 1).clientPassword(null),
            "AzureIdentity ns/id1: spec.clientPassword is missing"),
        rejects("cert SP without secret name", w -> asServicePrincipal(w, 2).clientPassword(
                new V1SecretReference().namespace("ns")),
            "AzureIdentity ns/id1: spec.clientPassword.name is missing"),
        rejects("SP without secret namespace", w -> asServicePrincipal(w, 1).clientPassword(
                new V1SecretReference().name("s")),
            "AzureIdentity ns/id1: spec.clientPassword.namespace is missing"),
        rejects("SP with an empty auxiliary tenant", w -> asServicePrincipal(w, 1).auxiliaryTenantIDs(
                java.util.Arrays.asList("t2", null)),
            "AzureIdentity ns/id1: spec.auxiliaryTenantIDs[1] is empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejectsNamingObjectFieldAndValue(String why, Consumer<V1AzureIdentity> breakIt, String reason) {
    V1AzureIdentity wire = CrdFixtures.userAssignedIdentity("ns", "id1", CLIENT_ID);
    breakIt.accept(wire);

    assertThat(AzureIdentityMapper.toDomain(wire)).isEqualTo(Mapped.rejected(reason));
  }

  @Test
  void rejectsObjectWithoutMetadata() {
    assertThat(AzureIdentityMapper.toDomain(new V1AzureIdentity()))
        .isEqualTo(Mapped.rejected("AzureIdentity ?/?: metadata.name is missing"));
  }

  private static V1AzureIdentitySpec asServicePrincipal(V1AzureIdentity wire, int type) {
    return wire.getSpec().type(type).resourceID(null).tenantID(TENANT)
        .clientPassword(new V1SecretReference().name("s").namespace("ns"));
  }

  private static Arguments rejects(String why, Consumer<V1AzureIdentity> breakIt, String reason) {
    return Arguments.of(why, breakIt, reason);
  }
}
