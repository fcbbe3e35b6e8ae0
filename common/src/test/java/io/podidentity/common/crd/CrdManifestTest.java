package io.podidentity.common.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CRD manifests carry the names, scope, version, columns and annotation aad-pod-identity users depend on. */
class CrdManifestTest {

  static Stream<CrdKind> kinds() {
    return Stream.of(CrdKind.values());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void crdNamesMatchTheOriginal(CrdKind kind) {
    JsonObject crd = crd(kind);
    JsonObject spec = crd.getAsJsonObject("spec");
    JsonObject names = spec.getAsJsonObject("names");

    assertThat(crd.get("apiVersion").getAsString()).isEqualTo("apiextensions.k8s.io/v1");
    assertThat(crd.getAsJsonObject("metadata").get("name").getAsString()).isEqualTo(kind.crdName());
    assertThat(crd.getAsJsonObject("metadata").getAsJsonObject("annotations")
        .get("api-approved.kubernetes.io").getAsString()).isEqualTo("unapproved");
    assertThat(spec.get("group").getAsString()).isEqualTo("aadpodidentity.k8s.io");
    assertThat(spec.get("scope").getAsString()).isEqualTo("Namespaced");
    assertThat(names.get("kind").getAsString()).isEqualTo(kind.kind());
    assertThat(names.get("listKind").getAsString()).isEqualTo(kind.listKind());
    assertThat(names.get("plural").getAsString()).isEqualTo(kind.plural());
    assertThat(names.get("singular").getAsString()).isEqualTo(kind.singular());
    assertThat(names.has("shortNames")).isFalse();
    assertThat(names.has("categories")).isFalse();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void onlyVersionV1ServedAndStored(CrdKind kind) {
    JsonArray versions = crd(kind).getAsJsonObject("spec").getAsJsonArray("versions");

    assertThat(versions).hasSize(1);
    JsonObject v1 = versions.get(0).getAsJsonObject();
    assertThat(v1.get("name").getAsString()).isEqualTo("v1");
    assertThat(v1.get("served").getAsBoolean()).isTrue();
    assertThat(v1.get("storage").getAsBoolean()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void printerColumnsAndSubresourcesAsTheOriginal(CrdKind kind) {
    JsonObject v1 = crd(kind).getAsJsonObject("spec").getAsJsonArray("versions").get(0).getAsJsonObject();
    List<String> columns = new ArrayList<>();
    if (v1.has("additionalPrinterColumns")) {
      for (JsonElement column : v1.getAsJsonArray("additionalPrinterColumns")) {
        JsonObject c = column.getAsJsonObject();
        columns.add(c.get("name").getAsString() + " " + c.get("type").getAsString() + " "
            + c.get("jsonPath").getAsString());
      }
    }

    switch (kind) {
      case AZURE_IDENTITY -> {
        assertThat(columns).containsExactly("Type string .spec.type", "ClientID string .spec.clientID",
            "Age date .metadata.creationTimestamp");
        assertThat(v1.getAsJsonObject("subresources").entrySet()).isEmpty();
      }
      case AZURE_IDENTITY_BINDING -> {
        assertThat(columns).containsExactly("AzureIdentity string .spec.azureIdentity",
            "Selector string .spec.selector", "Age date .metadata.creationTimestamp");
        assertThat(v1.getAsJsonObject("subresources").entrySet()).isEmpty();
      }
      case AZURE_ASSIGNED_IDENTITY, AZURE_POD_IDENTITY_EXCEPTION -> {
        assertThat(columns).isEmpty();
        assertThat(v1.has("subresources")).isFalse();
      }
    }
  }

  static Stream<K8sManifests.Document> crdDefinitions() {
    return K8sManifests.allCrdDefinitions().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crdDefinitions")
  void everyCopyUnderK8sEqualsTheDefinitionInCrds(K8sManifests.Document definition) {
    String kind = definition.json().getAsJsonObject("spec").getAsJsonObject("names").get("kind").getAsString();

    assertThat(definition.json().get("spec")).isEqualTo(crd(CrdKind.of(kind).orElseThrow()).get("spec"));
  }

  private static JsonObject crd(CrdKind kind) {
    return K8sManifests.ourCrds().stream()
        .map(K8sManifests.Document::json)
        .filter(json -> json.getAsJsonObject("spec").getAsJsonObject("names").get("kind").getAsString()
            .equals(kind.kind()))
        .findFirst()
        .orElseThrow();
  }
}
