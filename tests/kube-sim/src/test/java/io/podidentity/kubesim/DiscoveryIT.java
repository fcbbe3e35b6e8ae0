package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Discovery (legacy and aggregated) and OpenAPI v3 publish what clients need: resources with verbs, short names
 * and subresources, CRDs as soon as they are established, and PATCH operations that take fieldValidation.
 */
class DiscoveryIT {
  @RegisterExtension
  static final RunningSimulator SIM = RunningSimulator.withIdentityCrd();

  @Test
  void legacyDiscoveryListsResourcesWithSubresources() {
    JsonObject core = SIM.http().get("/api/v1").json();
    JsonObject pods = resource(core, "pods");
    assertThat(pods.get("kind").getAsString()).isEqualTo("Pod");
    assertThat(pods.get("namespaced").getAsBoolean()).isTrue();
    assertThat(pods.getAsJsonArray("shortNames").toString()).isEqualTo("[\"po\"]");
    assertThat(resource(core, "pods/status").getAsJsonArray("verbs").toString()).isEqualTo("[\"get\",\"patch\",\"update\"]");
    JsonObject token = resource(core, "serviceaccounts/token");
    assertThat(token.get("group").getAsString()).isEqualTo("authentication.k8s.io");
    assertThat(token.get("kind").getAsString()).isEqualTo("TokenRequest");
    JsonObject identities = resource(SIM.http().get("/apis/aadpodidentity.k8s.io/v1").json(), "azureidentities");
    assertThat(identities.get("kind").getAsString()).isEqualTo("AzureIdentity");
    assertThat(SIM.http().get("/apis").text()).contains("\"name\":\"aadpodidentity.k8s.io\"", "\"name\":\"coordination.k8s.io\"");
  }

  @Test
  void aggregatedDiscoveryIsServedWhenAskedFor() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SIM.sim().baseUrl() + "/apis"))
        .header("Accept", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
    JsonObject list = JsonParser.parseString(r.body()).getAsJsonObject();
    assertThat(list.get("kind").getAsString()).isEqualTo("APIGroupDiscoveryList");
    List<String> groups = new ArrayList<>();
    list.getAsJsonArray("items").forEach(i -> groups.add(i.getAsJsonObject().getAsJsonObject("metadata").get("name").getAsString()));
    assertThat(groups).contains("coordination.k8s.io", "events.k8s.io", "apiextensions.k8s.io", Fixtures.GROUP);
  }

  @Test
  void openApiPublishesCrdSchemasAndFieldValidationOnPatch() {
    JsonObject root = SIM.http().get("/openapi/v3").json().getAsJsonObject("paths");
    String url = root.getAsJsonObject("apis/aadpodidentity.k8s.io/v1").get("serverRelativeURL").getAsString();
    assertThat(url).matches("/openapi/v3/apis/aadpodidentity.k8s.io/v1\\?hash=[0-9A-F]{128}");
    JsonObject doc = SIM.http().get(url).json();
    JsonObject schema = doc.getAsJsonObject("components").getAsJsonObject("schemas")
        .getAsJsonObject("io.k8s.aadpodidentity.v1.AzureIdentity");
    assertThat(schema.getAsJsonArray("x-kubernetes-group-version-kind").get(0).getAsJsonObject().get("kind").getAsString())
        .isEqualTo("AzureIdentity");
    assertThat(schema.getAsJsonObject("properties").getAsJsonObject("spec").getAsJsonObject("properties").has("clientID")).isTrue();
    JsonObject patch = doc.getAsJsonObject("paths")
        .getAsJsonObject("/apis/aadpodidentity.k8s.io/v1/namespaces/{namespace}/azureidentities/{name}").getAsJsonObject("patch");
    assertThat(patch.toString()).contains("\"name\":\"fieldValidation\"").contains("application/merge-patch+json")
        .doesNotContain("strategic-merge-patch");
    JsonObject podPatch = SIM.http().get(root.getAsJsonObject("api/v1").get("serverRelativeURL").getAsString()).json()
        .getAsJsonObject("paths").getAsJsonObject("/api/v1/namespaces/{namespace}/pods/{name}").getAsJsonObject("patch");
    assertThat(podPatch.toString()).contains("application/strategic-merge-patch+json");
  }

  @Test
  void versionIsKubernetes132() {
    assertThat(SIM.http().get("/version").json().get("gitVersion").getAsString()).isEqualTo("v1.32.0");
  }

  private static JsonObject resource(JsonObject list, String name) {
    for (JsonElement r : list.getAsJsonArray("resources")) {
      if (r.getAsJsonObject().get("name").getAsString().equals(name)) {
        return r.getAsJsonObject();
      }
    }
    throw new AssertionError("no resource " + name + " in " + list);
  }
}
