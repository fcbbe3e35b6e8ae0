package io.podidentity.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainRecordsTest {
  private static final ClientId CLIENT = new ClientId("8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a56");
  private static final UserAssignedIdentityId UAMI = new UserAssignedIdentityId("s", "rg", "id1");

  @ParameterizedTest
  @CsvSource({"0, USER_ASSIGNED_MSI", "1, SERVICE_PRINCIPAL", "2, SERVICE_PRINCIPAL_CERTIFICATE"})
  void identityTypesCarryTheirWireCodes(int code, IdentityType type) {
    assertThat(IdentityType.fromCode(code)).contains(type);
    assertThat(type.code()).isEqualTo(code);
  }

  @ParameterizedTest
  @CsvSource({"-1", "3", "42"})
  void noIdentityTypeForOtherCodes(int code) {
    assertThat(IdentityType.fromCode(code)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      value = {"Created, CREATED", "Assigned, ASSIGNED", "Unassigned, UNASSIGNED", "'', LEGACY_UNSET"},
      emptyValue = "")
  void assignmentStatesReadTheirExactWireText(String wire, AssignmentState state) {
    assertThat(AssignmentState.fromWire(wire)).contains(state);
    assertThat(state.wireValue()).isEqualTo(wire);
  }

  @Test
  void missingStatusIsTheLegacyStateAndOtherSpellingsAreUnknown() {
    assertThat(AssignmentState.fromWire(null)).contains(AssignmentState.LEGACY_UNSET);
    assertThat(AssignmentState.fromWire("assigned")).isEmpty();
    assertThat(AssignmentState.fromWire("Pending")).isEmpty();
  }

  @Test
  void assignedIdentityNameJoinsPodNamespaceAndIdentityWithoutTruncation() {
    String longName = "p".repeat(250);
    assertThat(AssignedIdentity.nameFor(new PodRef("ns1", "demo"), "demo-uami")).isEqualTo("demo-ns1-demo-uami");
    assertThat(AssignedIdentity.nameFor(new PodRef("ns1", longName), "id")).isEqualTo(longName + "-ns1-id");
  }

  @ParameterizedTest
  @CsvSource({
    "false, false, default",
    "true, false, team-a",
    "false, true, team-a",
    "true, true, team-a"
  })
  void assignedIdentityLivesInDefaultUnlessNamespaced(boolean forceNamespaced, boolean annotated, String namespace) {
    AzureIdentity identity =
        AzureIdentity.userAssigned(new ObjectRef("team-a", "id1"), "7", CLIENT, UAMI, annotated);

    ObjectRef ref = AssignedIdentity.refFor(new PodRef("apps", "web-0"), identity, forceNamespaced);

    assertThat(ref).isEqualTo(new ObjectRef(namespace, "web-0-apps-id1"));
  }

  @Test
  void userAssignedIdentityMustCarryItsOwnResourceId() {
    var credential = new IdentityCredential.UserAssignedMsi(UAMI);
    ObjectRef ref = new ObjectRef("ns", "id");

    assertThatThrownBy(() -> new AzureIdentity(ref, "1", CLIENT, credential, Optional.empty(), false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new AzureIdentity(ref, "1", CLIENT, credential, Optional.of(UAMI), false).type())
        .isEqualTo(IdentityType.USER_ASSIGNED_MSI);
  }

  @Test
  void servicePrincipalCopiesItsAuxiliaryTenants() {
    List<String> tenants = new java.util.ArrayList<>(List.of("t2"));
    var credential =
        new IdentityCredential.ServicePrincipalSecret("t1", new SecretRef("ns", "s"), tenants, "");
    tenants.add("t3");

    assertThat(credential.auxiliaryTenantIds()).containsExactly("t2");
    assertThat(credential.type()).isEqualTo(IdentityType.SERVICE_PRINCIPAL);
  }

  @Test
  void bindingSelectsExactLabelValuesAndNamesAnIdentityInItsNamespace() {
    IdentityBinding binding = new IdentityBinding(new ObjectRef("team-a", "b1"), "3", "id1", "web");

    assertThat(binding.selects("web")).isTrue();
    assertThat(binding.selects("Web")).isFalse();
    assertThat(binding.selects(null)).isFalse();
    assertThat(binding.identityRef()).isEqualTo(new ObjectRef("team-a", "id1"));
  }

  @ParameterizedTest
  @CsvSource({
    "app, mic, true",
    "app, MIC, true",
    "component, Mic, true",
    "app, nmi, false",
    "tier, mic, false"
  })
  void exceptionExemptsPodsWithAnyLabelEqualIgnoringCase(String key, String value, boolean exempt) {
    var exception = new PodIdentityException(new ObjectRef("default", "mic-exception"),
        Map.of("app", "mic", "component", "mic"));

    assertThat(exception.exempts(Map.of(key, value, "other", "x"))).isEqualTo(exempt);
  }

  @Test
  void exceptionWithoutLabelsExemptsNobody() {
    var exception = new PodIdentityException(new ObjectRef("default", "none"), Map.of());

    assertThat(exception.exempts(Map.of("app", "mic"))).isFalse();
  }

  @Test
  void refsPrintAsNamespaceSlashNameAndRefuseBlankParts() {
    assertThat(new ObjectRef("ns", "n")).hasToString("ns/n");
    assertThat(new PodRef("ns", "p")).hasToString("ns/p");
    assertThatThrownBy(() -> new ObjectRef("", "n")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PodRef("ns", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void recordsPrintClientIdsRedacted() {
    AzureIdentity identity = AzureIdentity.userAssigned(new ObjectRef("ns", "id"), "1", CLIENT, UAMI, false);

    assertThat(identity.toString()).contains("8d3f##### REDACTED #####4a56").doesNotContain(CLIENT.value());
  }

  @Test
  void mappedChainsValuesAndExplainsRejections() {
    Mapped<Integer> valid = Mapped.valid(2);
    Mapped<Integer> rejected = Mapped.rejected("is odd");

    assertThat(valid.map(i -> i * 2)).isEqualTo(Mapped.valid(4));
    assertThat(valid.flatMap(i -> Mapped.<Integer>rejected("no"))).isEqualTo(Mapped.rejected("no"));
    assertThat(rejected.map(i -> i * 2).explain("spec.x")).isEqualTo(Mapped.rejected("spec.x: is odd"));
    assertThat(valid.explain("spec.x")).isEqualTo(valid);
  }
}
