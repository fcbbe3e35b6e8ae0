package io.podidentity.common.crd;

import static io.podidentity.common.testing.CrdFixtures.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.Mapped;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.testing.CrdFixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AzureAssignedIdentityMapperTest {
  private static final PodRef POD = new PodRef("apps", "web-0");
  private static final String NODE = "aks-nodepool1-27389511-vmss000001";

  private static V1AzureIdentity identity() {
    V1AzureIdentity identity = CrdFixtures.userAssignedIdentity("team-a", "id1", CLIENT_ID);
    identity.getMetadata().resourceVersion("41").uid("0f3a6c2e-8b1d-4e5f-a7c9-2d4e6f8a0b1c")
        .putLabelsItem("owner", "team-a");
    return identity;
  }

  private static V1AzureIdentityBinding binding() {
    V1AzureIdentityBinding binding = CrdFixtures.binding("team-a", "b1", "id1", "web");
    binding.getMetadata().resourceVersion("42");
    return binding;
  }

  @Test
  void writesTheObjectAsTheOriginalMicCreatesIt() {
    V1AzureAssignedIdentity written =
        AzureAssignedIdentityMapper.newAssignedIdentity(identity(), binding(), POD, NODE, false);

    assertThat(written.getApiVersion()).isEqualTo("aadpodidentity.k8s.io/v1");
    assertThat(written.getKind()).isEqualTo("AzureAssignedIdentity");
    assertThat(written.getMetadata().getName()).isEqualTo("web-0-apps-id1");
    assertThat(written.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(written.getMetadata().getLabels()).containsExactly(Map.entry("nodename", NODE));
    assertThat(written.getMetadata().getFinalizers())
        .containsExactly("azureassignedidentity.finalizers.aadpodidentity.k8s.io");
    assertThat(written.getSpec().getPod()).isEqualTo("web-0");
    assertThat(written.getSpec().getPodNamespace()).isEqualTo("apps");
    assertThat(written.getSpec().getNodeName()).isEqualTo(NODE);
    assertThat(written.getStatus().getStatus()).isEqualTo("Created");
    assertThat(written.getStatus().getAvailableReplicas()).isEqualTo(1);
  }

  @Test
  void embedsFullIndependentCopiesOfIdentityAndBinding() {
    V1AzureIdentity identity = identity();
    V1AzureIdentityBinding binding = binding();

    V1AzureAssignedIdentity written =
        AzureAssignedIdentityMapper.newAssignedIdentity(identity, binding, POD, NODE, false);
    identity.getSpec().clientID("changed-afterwards");
    binding.getMetadata().resourceVersion("99");

    V1AzureIdentity embedded = written.getSpec().getAzureIdentityRef();
    assertThat(embedded).isNotSameAs(identity);
    assertThat(embedded.getSpec()).isEqualTo(identity().getSpec());
    assertThat(embedded.getMetadata().getUid()).isEqualTo("0f3a6c2e-8b1d-4e5f-a7c9-2d4e6f8a0b1c");
    assertThat(embedded.getMetadata().getLabels()).containsEntry("owner", "team-a");
    assertThat(embedded.getMetadata().getResourceVersion()).isEqualTo("41");
    assertThat(embedded.getKind()).isEqualTo("AzureIdentity");
    assertThat(written.getSpec().getAzureBindingRef().getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(written.getSpec().getAzureBindingRef().getKind()).isEqualTo("AzureIdentityBinding");
  }

  @ParameterizedTest
  @CsvSource({"false, false, default", "true, false, team-a", "false, true, team-a"})
  void placesTheObjectInDefaultUnlessNamespaced(boolean forceNamespaced, boolean annotated, String namespace) {
    V1AzureIdentity identity = annotated ? CrdFixtures.namespaced(identity()) : identity();

    V1AzureAssignedIdentity written =
        AzureAssignedIdentityMapper.newAssignedIdentity(identity, binding(), POD, NODE, forceNamespaced);

    assertThat(written.getMetadata().getNamespace()).isEqualTo(namespace);
  }

  @Test
  void readsBackWhatItWrites() {
    V1AzureAssignedIdentity written =
        AzureAssignedIdentityMapper.newAssignedIdentity(identity(), binding(), POD, NODE, false);
    written.getMetadata().resourceVersion("77");

    AssignedIdentity read = valueOf(AzureAssignedIdentityMapper.toDomain(written));

    assertThat(read.ref()).isEqualTo(new ObjectRef("default", "web-0-apps-id1"));
    assertThat(read.resourceVersion()).isEqualTo("77");
    assertThat(read.identity()).isEqualTo(valueOf(AzureIdentityMapper.toDomain(identity())));
    assertThat(read.identity().resourceVersion()).isEqualTo("41");
    assertThat(read.binding().resourceVersion()).isEqualTo("42");
    assertThat(read.pod()).isEqualTo(POD);
    assertThat(read.nodeName()).isEqualTo(NODE);
    assertThat(read.state()).isEqualTo(AssignmentState.CREATED);
  }

  @ParameterizedTest
  @CsvSource(value = {"Assigned, ASSIGNED", "Unassigned, UNASSIGNED", "'', LEGACY_UNSET"}, emptyValue = "")
  void readsEveryStateIncludingTheLegacyEmptyOne(String status, AssignmentState state) {
    V1AzureAssignedIdentity wire = written();
    wire.getStatus().status(status);

    assertThat(AzureAssignedIdentityMapper.toDomain(wire).map(AssignedIdentity::state)).isEqualTo(Mapped.valid(state));
  }

  @Test
  void objectWithoutStatusIsLegacy() {
    assertThat(AzureAssignedIdentityMapper.toDomain(written().status(null)).map(AssignedIdentity::state))
        .isEqualTo(Mapped.valid(AssignmentState.LEGACY_UNSET));
  }

  static Stream<Arguments> rejected() {
    String prefix = "AzureAssignedIdentity default/web-0-apps-id1: ";
    return Stream.of(
        rejects(a -> a.spec(null), prefix + "spec is missing"),
        rejects(a -> a.getSpec().azureIdentityRef(null), prefix + "spec.azureIdentityRef is missing"),
        rejects(a -> a.getSpec().azureBindingRef(null), prefix + "spec.azureBindingRef is missing"),
        rejects(a -> a.getSpec().pod(""), prefix + "spec.pod is missing"),
        rejects(a -> a.getSpec().podNamespace(null), prefix + "spec.podNamespace is missing"),
        rejects(a -> a.getSpec().nodeName(null), prefix + "spec.nodename is missing"),
        rejects(a -> a.getStatus().status("Pending"),
            prefix + "status.status \"Pending\" is not Created, Assigned or Unassigned"),
        rejects(a -> a.getSpec().getAzureIdentityRef().getSpec().clientID(null),
            prefix + "spec.azureIdentityRef: AzureIdentity team-a/id1: spec.clientID: is missing"),
        rejects(a -> a.getSpec().getAzureBindingRef().getSpec().selector(null),
            prefix + "spec.azureBindingRef: AzureIdentityBinding team-a/b1: spec.selector is missing"));
  }

  @ParameterizedTest
  @MethodSource("rejected")
  void rejectsIncompleteObjectsNamingTheField(Consumer<V1AzureAssignedIdentity> breakIt, String reason) {
    V1AzureAssignedIdentity wire = written();
    breakIt.accept(wire);

    assertThat(AzureAssignedIdentityMapper.toDomain(wire)).isEqualTo(Mapped.rejected(reason));
  }

  private static V1AzureAssignedIdentity written() {
    return AzureAssignedIdentityMapper.newAssignedIdentity(identity(), binding(), POD, NODE, false);
  }

  private static Arguments rejects(Consumer<V1AzureAssignedIdentity> breakIt, String reason) {
    return Arguments.of(breakIt, reason);
  }

  private static <T> T valueOf(Mapped<T> mapped) {
    assertThat(mapped).isInstanceOf(Mapped.Valid.class);
    return ((Mapped.Valid<T>) mapped).value();
  }

  @Test
  void writtenObjectHasNoOtherLabelsOrFinalizers() {
    V1AzureAssignedIdentity written = written();

    assertThat(written.getMetadata().getLabels()).hasSize(1);
    assertThat(written.getMetadata().getFinalizers()).isEqualTo(List.of(CrdNames.ASSIGNED_IDENTITY_FINALIZER));
  }

  @Test
  void stateNamesAgreeBetweenWireConstantsAndModel() {
    assertThat(AssignmentState.CREATED.wireValue()).isEqualTo(CrdNames.STATE_CREATED);
    assertThat(AssignmentState.ASSIGNED.wireValue()).isEqualTo(CrdNames.STATE_ASSIGNED);
    assertThat(AssignmentState.UNASSIGNED.wireValue()).isEqualTo(CrdNames.STATE_UNASSIGNED);
  }
}
