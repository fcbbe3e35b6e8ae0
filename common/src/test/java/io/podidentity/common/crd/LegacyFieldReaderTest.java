package io.podidentity.common.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.Mapped;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyFieldReaderTest {
  private static final String RESOURCE_ID =
      "/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1";
  private static final String CLIENT_ID = "8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a56";

  @Test
  void renamesTheCapitalisedIdentityFieldsUsersWrote() {
    LegacyRead<V1AzureIdentity> read = read("""
        {"apiVersion": "aadpodidentity.k8s.io/v1", "kind": "AzureIdentity",
         "metadata": {"name": "sp", "namespace": "ns", "resourceVersion": "5"},
         "spec": {"type": 1, "ClientID": "%s", "TenantID": "t1",
                  "ClientPassword": {"Name": "sp-secret", "Namespace": "ns"}, "ADEndpoint": "https://aad/"}}
        """.formatted(CLIENT_ID), V1AzureIdentity.class);

    V1AzureIdentitySpec spec = read.object().getSpec();
    assertThat(spec.getClientID()).isEqualTo(CLIENT_ID);
    assertThat(spec.getTenantID()).isEqualTo("t1");
    assertThat(spec.getClientPassword().getName()).isEqualTo("sp-secret");
    assertThat(spec.getClientPassword().getNamespace()).isEqualTo("ns");
    assertThat(spec.getAdEndpoint()).isEqualTo("https://aad/");
    assertThat(read.object().getMetadata().getResourceVersion()).isEqualTo("5");
    assertThat(read.renamed()).isTrue();
    assertThat(read.renamedFields()).containsExactly(
        "spec.ClientID -> spec.clientID",
        "spec.TenantID -> spec.tenantID",
        "spec.ClientPassword -> spec.clientPassword",
        "spec.clientPassword.Name -> spec.clientPassword.name",
        "spec.clientPassword.Namespace -> spec.clientPassword.namespace",
        "spec.ADEndpoint -> spec.adEndpoint");
    assertThat(AzureIdentityMapper.toDomain(read.object())).isInstanceOf(Mapped.Valid.class);
  }

  @Test
  void readsTheAllLowerCaseTagsOfVersionsBefore160() {
    LegacyRead<V1AzureIdentity> read = read("""
        {"metadata": {"name": "id1", "namespace": "ns"},
         "spec": {"type": 0, "resourceid": "%s", "clientid": "%s", "adresourceid": "x"}}
        """.formatted(RESOURCE_ID, CLIENT_ID), V1AzureIdentity.class);

    assertThat(read.object().getSpec().getResourceID()).isEqualTo(RESOURCE_ID);
    assertThat(read.object().getSpec().getClientID()).isEqualTo(CLIENT_ID);
    assertThat(read.object().getSpec().getAdResourceID()).isEqualTo("x");
    assertThat(AzureIdentityMapper.toDomain(read.object())).isInstanceOf(Mapped.Valid.class);
  }

  @Test
  void renamesBindingAndExceptionFields() {
    LegacyRead<V1AzureIdentityBinding> binding = read("""
        {"metadata": {"name": "b1", "namespace": "ns"}, "spec": {"AzureIdentity": "id1", "Selector": "web"}}
        """, V1AzureIdentityBinding.class);
    LegacyRead<V1AzurePodIdentityException> exception = read("""
        {"metadata": {"name": "e1", "namespace": "ns"}, "spec": {"PodLabels": {"App": "MIC"}},
         "Status": {"Status": "x"}}
        """, V1AzurePodIdentityException.class);

    assertThat(binding.object().getSpec().getAzureIdentity()).isEqualTo("id1");
    assertThat(binding.object().getSpec().getSelector()).isEqualTo("web");
    // Label keys and values are data, not field names: they keep their case.
    assertThat(exception.object().getSpec().getPodLabels()).isEqualTo(Map.of("App", "MIC"));
    assertThat(exception.object().getStatus().getStatus()).isEqualTo("x");
    assertThat(exception.renamedFields())
        .containsExactly("spec.PodLabels -> spec.podLabels", "Status -> status", "status.Status -> status.status");
  }

  @Test
  void renamesInsideTheEmbeddedCopiesOfAnAssignedIdentity() {
    LegacyRead<V1AzureAssignedIdentity> read = read("""
        {"metadata": {"name": "p-ns-id1", "namespace": "default", "labels": {"nodename": "n1"}},
         "spec": {"azureidentityref": {"apiVersion": "aadpodidentity.k8s.io/v1", "kind": "AzureIdentity",
                                       "metadata": {"name": "id1", "namespace": "ns", "resourceVersion": "3"},
                                       "spec": {"ResourceID": "%s", "ClientID": "%s"}},
                  "azurebindingref": {"apiVersion": "aadpodidentity.k8s.io/v1", "kind": "AzureIdentityBinding",
                                      "metadata": {"name": "b1", "namespace": "ns"},
                                      "spec": {"AzureIdentity": "id1", "Selector": "web"}},
                  "pod": "p", "podnamespace": "ns", "NodeName": "n1"},
         "Status": {"Status": "Assigned", "AvailableReplicas": 1}}
        """.formatted(RESOURCE_ID, CLIENT_ID), V1AzureAssignedIdentity.class);

    V1AzureAssignedIdentitySpec spec = read.object().getSpec();
    assertThat(spec.getAzureIdentityRef().getSpec().getResourceID()).isEqualTo(RESOURCE_ID);
    assertThat(spec.getAzureIdentityRef().getMetadata().getResourceVersion()).isEqualTo("3");
    assertThat(spec.getAzureBindingRef().getSpec().getSelector()).isEqualTo("web");
    assertThat(spec.getPodNamespace()).isEqualTo("ns");
    assertThat(spec.getNodeName()).isEqualTo("n1");
    assertThat(read.object().getStatus().getAvailableReplicas()).isEqualTo(1);
    assertThat(read.renamedFields()).contains(
        "spec.azureidentityref -> spec.azureIdentityRef",
        "spec.azureIdentityRef.spec.ResourceID -> spec.azureIdentityRef.spec.resourceID",
        "spec.azureBindingRef.spec.Selector -> spec.azureBindingRef.spec.selector",
        "spec.NodeName -> spec.nodename");
    assertThat(AzureAssignedIdentityMapper.toDomain(read.object()).map(a -> a.state()))
        .isEqualTo(Mapped.valid(AssignmentState.ASSIGNED));
  }

  @Test
  void leavesCanonicalObjectsAsTheyAre() {
    String json = """
        {"apiVersion": "aadpodidentity.k8s.io/v1", "kind": "AzureIdentityBinding",
         "metadata": {"name": "b1", "namespace": "ns", "labels": {"a": "b"}},
         "spec": {"azureIdentity": "id1", "selector": "web", "weight": 1}, "status": {"availableReplicas": 0}}
        """;

    LegacyRead<V1AzureIdentityBinding> read = read(json, V1AzureIdentityBinding.class);

    assertThat(read.changed()).isFalse();
    assertThat(read.object().getSpec()).isEqualTo(
        new V1AzureIdentityBindingSpec().azureIdentity("id1").selector("web").weight(1));
  }

  @Test
  void dropsFieldsV1DoesNotKnowAndSaysSo() {
    LegacyRead<V1AzureIdentityBinding> read = read("""
        {"metadata": {"name": "b1", "namespace": "ns", "Bogus": 1},
         "spec": {"azureIdentity": "id1", "selector": "web", "Selectors": ["x"]}}
        """, V1AzureIdentityBinding.class);

    assertThat(read.renamed()).isFalse();
    assertThat(read.changed()).isTrue();
    assertThat(read.droppedFields()).containsExactly("metadata.Bogus", "spec.Selectors");
    assertThat(read.object().getSpec().getSelector()).isEqualTo("web");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"spec\": {\"selector\": \"old\", \"Selector\": \"new\"}}",
      "{\"spec\": {\"Selector\": \"old\", \"selector\": \"new\"}}"})
  void laterSpellingWinsAsInGo(String json) {
    LegacyRead<V1AzureIdentityBinding> read = read(json, V1AzureIdentityBinding.class);

    assertThat(read.object().getSpec().getSelector()).isEqualTo("new");
  }

  @Test
  void rejectsValuesThatCannotBeReadNamingTheObject() {
    JsonObject raw = JsonParser.parseString("""
        {"metadata": {"name": "id1", "namespace": "ns"}, "spec": {"Type": "zero"}}
        """).getAsJsonObject();

    Mapped<LegacyRead<V1AzureIdentity>> read = LegacyFieldReader.read(raw, V1AzureIdentity.class);

    assertThat(read).isInstanceOf(Mapped.Rejected.class);
    assertThat(((Mapped.Rejected<?>) read).reason()).startsWith("AzureIdentity ns/id1: cannot be read: ");
  }

  private static <T extends CrdObject<?, ?, T>> LegacyRead<T> read(String json, Class<T> type) {
    Mapped<LegacyRead<T>> read = LegacyFieldReader.read(JsonParser.parseString(json).getAsJsonObject(), type);
    assertThat(read).isInstanceOf(Mapped.Valid.class);
    return ((Mapped.Valid<LegacyRead<T>>) read).value();
  }
}
