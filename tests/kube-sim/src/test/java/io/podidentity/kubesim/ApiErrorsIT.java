package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad requests get the apiserver's status code and {@code Status} body, worded as the apiserver words them, and
 * leave the store as it was.
 */
class ApiErrorsIT {
  private static final String PODS = "/api/v1/namespaces/default/pods";

  @RegisterExtension
  static final RunningSimulator SIM = RunningSimulator.withIdentityCrd();

  @Test
  void malformedJsonIsBadRequestWithGoParseError() {
    assertUnchanged(() -> {
      SimHttp.Reply r = SIM.http().post(PODS, "{\"apiVersion\":\"v1\",");
      assertStatus(r, 400, "BadRequest", "the object provided is unrecognized (must be of type Pod): couldn't get "
          + "version/kind; json parse error: unexpected end of JSON input ({\"apiVersion\":\"v1\",)");
      assertThat(SIM.http().post(PODS, "{bad}").string("message"))
          .contains("json parse error: invalid character 'b' looking for beginning of object key string ({bad})");
    });
  }

  @Test
  void kindOfAnotherResourceIsBadRequest() {
    assertUnchanged(() -> {
      SimHttp.Reply r = SIM.http().post(PODS, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}");
      assertStatus(r, 400, "BadRequest",
          "ConfigMap in version \"v1\" cannot be handled as a Pod: converting (v1.ConfigMap) to (core.Pod): unknown conversion");
    });
  }

  @Test
  void customResourceOfWrongKindIsInvalid() {
    assertUnchanged(() -> {
      SimHttp.Reply r = SIM.http().post(Fixtures.IDENTITIES, Fixtures.identity("x", 0).replace("\"AzureIdentity\"", "\"Foo\""));
      assertStatus(r, 422, "Invalid",
          "AzureIdentity.aadpodidentity.k8s.io \"x\" is invalid: kind: Invalid value: \"Foo\": must be AzureIdentity");
      assertThat(r.json().getAsJsonObject("details").get("group").getAsString()).isEqualTo(Fixtures.GROUP);
    });
  }

  @Test
  void missingNameIsInvalidWithFieldCause() {
    assertUnchanged(() -> {
      SimHttp.Reply r = SIM.http().post(PODS, Fixtures.pod("", "a").replace("\"name\":\"\",", ""));
      assertStatus(r, 422, "Invalid",
          "Pod \"\" is invalid: metadata.name: Required value: name or generateName is required");
      JsonObject cause = r.json().getAsJsonObject("details").getAsJsonArray("causes").get(0).getAsJsonObject();
      assertThat(cause.get("reason").getAsString()).isEqualTo("FieldValueRequired");
      assertThat(cause.get("message").getAsString()).isEqualTo("Required value: name or generateName is required");
      assertThat(cause.get("field").getAsString()).isEqualTo("metadata.name");
    });
  }

  @Test
  void customResourceViolatingItsSchemaIsInvalidPerField() {
    assertUnchanged(() -> {
      SimHttp.Reply r = SIM.http().post(Fixtures.IDENTITIES, Fixtures.identity("bad", "\"zero\"").replace(
          "\"clientID\":\"00000000-0000-0000-0000-000000000001\"", "\"clientID\":5"));
      assertThat(r.code()).isEqualTo(422);
      assertThat(r.string("message")).startsWith("AzureIdentity.aadpodidentity.k8s.io \"bad\" is invalid: [")
          .contains("spec.type: Invalid value: \"string\": spec.type in body must be of type integer: \"string\"")
          .contains("spec.clientID: Invalid value: \"integer\": spec.clientID in body must be of type string: \"integer\"");
      assertThat(r.json().getAsJsonObject("details").getAsJsonArray("causes")).hasSize(2);
      assertThat(SIM.http().post(Fixtures.IDENTITIES, Fixtures.identity("bad", 7)).string("message")).isEqualTo(
          "AzureIdentity.aadpodidentity.k8s.io \"bad\" is invalid: spec.type: Unsupported value: 7: supported values: \"0\", \"1\", \"2\"");
    });
  }

  @Test
  void unknownFieldIsRejectedWhenStrictAndWarnedOtherwise() {
    String body = Fixtures.identity("u", 0).replace("\"spec\":{", "\"spec\":{\"foo\":1,");
    assertUnchanged(() -> assertStatus(SIM.http().post(Fixtures.IDENTITIES + "?fieldValidation=Strict", body), 400, "BadRequest",
        "AzureIdentity in version \"v1\" cannot be handled as a AzureIdentity: strict decoding error: unknown field \"spec.foo\""));
    SimHttp.Reply warned = SIM.http().post(Fixtures.IDENTITIES, body);
    assertThat(warned.code()).isEqualTo(201);
    assertThat(warned.headers().allValues("Warning")).containsExactly("299 - \"unknown field \\\"spec.foo\\\"\"");
    assertThat(warned.json().getAsJsonObject("spec").has("foo")).isFalse();
  }

  @Test
  void staleResourceVersionIsConflict() {
    JsonObject created = SIM.http().post(PODS, Fixtures.pod("stale", "a")).json();
    String current = SIM.http().get(PODS + "/stale").text();
    assertThat(SIM.http().put(PODS + "/stale", current.replace("\"app\":\"a\"", "\"app\":\"b\"")).code()).isEqualTo(200);
    assertUnchanged(() -> {
      SimHttp.Reply r = SIM.http().put(PODS + "/stale", current.replace("\"app\":\"a\"", "\"app\":\"c\""));
      assertStatus(r, 409, "Conflict", "Operation cannot be fulfilled on pods \"stale\": the object has been modified; "
          + "please apply your changes to the latest version and try again");
      assertThat(r.json().getAsJsonObject("details").get("kind").getAsString()).isEqualTo("pods");
    });
    assertThat(created.getAsJsonObject("metadata").get("name").getAsString()).isEqualTo("stale");
  }

  @Test
  void existingNameIsAlreadyExists() {
    assertThat(SIM.http().post(PODS, Fixtures.pod("twice", "a")).code()).isEqualTo(201);
    assertUnchanged(() -> assertStatus(SIM.http().post(PODS, Fixtures.pod("twice", "a")), 409, "AlreadyExists",
        "pods \"twice\" already exists"));
  }

  @Test
  void missingNamespaceIsNotFound() {
    assertUnchanged(() -> {
      SimHttp.Reply r = SIM.http().post("/api/v1/namespaces/nope/pods", Fixtures.pod("p", "a"));
      assertStatus(r, 404, "NotFound", "namespaces \"nope\" not found");
      assertThat(r.json().getAsJsonObject("details").get("kind").getAsString()).isEqualTo("namespaces");
    });
  }

  @Test
  void unsupportedFieldSelectorIsBadRequest() {
    assertStatus(SIM.http().get(PODS + "?fieldSelector=spec.foo%3Dx"), 400, "BadRequest", "field label not supported: spec.foo");
    assertStatus(SIM.http().get("/api/v1/namespaces/default/configmaps?fieldSelector=data.x%3D1"), 400, "BadRequest",
        "\"data.x\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
  }

  @Test
  void strategicMergePatchOfCustomResourceIsUnsupportedMediaType() {
    SIM.http().post(Fixtures.IDENTITIES, Fixtures.identity("smp", 0));
    assertUnchanged(() -> assertStatus(SIM.http().patch(Fixtures.IDENTITIES + "/smp", "application/strategic-merge-patch+json",
        "{\"spec\":{\"type\":1}}"), 415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
        + "accepted media types include: application/apply-patch+yaml, application/json-patch+json, "
        + "application/merge-patch+json"));
  }

  @Test
  void crdInAProtectedGroupNeedsTheApprovalAnnotation() {
    String crd = Fixtures.IDENTITY_CRD.replace("azureidentities", "unapproveds").replace("\"annotations\":{\"api-approved.kubernetes.io\":\"unapproved, test\"}", "\"annotations\":{}");
    assertUnchanged(() -> assertStatus(SIM.http().post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd), 422,
        "Invalid", "CustomResourceDefinition.apiextensions.k8s.io \"unapproveds.aadpodidentity.k8s.io\" is invalid: "
        + "metadata.annotations[api-approved.kubernetes.io]: Required value: protected groups must have approval "
        + "annotation \"api-approved.kubernetes.io\", see https://github.com/kubernetes/enhancements/pull/1111"));
  }

  @Test
  void missingObjectIsNotFound() {
    assertStatus(SIM.http().get(PODS + "/ghost"), 404, "NotFound", "pods \"ghost\" not found");
    assertStatus(SIM.http().get(Fixtures.IDENTITIES + "/ghost"), 404, "NotFound",
        "azureidentities.aadpodidentity.k8s.io \"ghost\" not found");
  }

  private static void assertStatus(SimHttp.Reply r, int code, String reason, String message) {
    assertThat(r.code()).as(r.text()).isEqualTo(code);
    JsonObject status = r.json();
    assertThat(status.get("kind").getAsString()).isEqualTo("Status");
    assertThat(status.get("apiVersion").getAsString()).isEqualTo("v1");
    assertThat(status.get("status").getAsString()).isEqualTo("Failure");
    assertThat(status.get("reason").getAsString()).isEqualTo(reason);
    assertThat(status.get("code").getAsInt()).isEqualTo(code);
    assertThat(status.get("message").getAsString()).isEqualTo(message);
  }

  /** Runs a failing request and checks that no write happened (the resourceVersion did not move). */
  private static void assertUnchanged(Runnable failingRequest) {
    long before = SIM.sim().resourceVersion();
    failingRequest.run();
    assertThat(SIM.sim().resourceVersion()).isEqualTo(before);
  }
}
