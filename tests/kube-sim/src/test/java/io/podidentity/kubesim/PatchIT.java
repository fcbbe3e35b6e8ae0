package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PATCH in each of its media types, with the semantics kubectl label, annotate, patch and apply rely on. */
class PatchIT {
  private static final String PODS = "/api/v1/namespaces/default/pods";
  private static final String POD = """
      {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"app":"web"},"finalizers":["a.io/x"]},
       "spec":{"containers":[{"name":"app","image":"app:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
                             {"name":"sidecar","image":"side:1"}]}}""";

  @RegisterExtension
  static final RunningSimulator SIM = RunningSimulator.withIdentityCrd();

  @Test
  void mergePatchAsKubectlLabelSendsIt() {
    SIM.http().post(PODS, POD.formatted("labelled"));
    JsonObject pod = SIM.http().patch(PODS + "/labelled", "application/merge-patch+json",
        "{\"metadata\":{\"labels\":{\"tier\":\"front\",\"app\":null}}}").json();
    assertThat(pod.getAsJsonObject("metadata").getAsJsonObject("labels").toString()).isEqualTo("{\"tier\":\"front\"}");
  }

  @Test
  void jsonPatchAppliesOperationsAndFailsAsAWholeOnAFailedTest() {
    SIM.http().post(PODS, POD.formatted("json"));
    String rv = SIM.http().get(PODS + "/json").json().getAsJsonObject("metadata").get("resourceVersion").getAsString();
    SimHttp.Reply failed = SIM.http().patch(PODS + "/json", "application/json-patch+json",
        "[{\"op\":\"add\",\"path\":\"/metadata/labels/x\",\"value\":\"1\"},{\"op\":\"test\",\"path\":\"/metadata/labels/app\",\"value\":\"api\"}]");
    assertThat(failed.code()).isEqualTo(422);
    assertThat(failed.json().getAsJsonObject("details").getAsJsonArray("causes").get(0).getAsJsonObject()
        .get("message").getAsString()).isEqualTo("testing value /metadata/labels/app failed: test failed");
    assertThat(SIM.http().get(PODS + "/json").json().getAsJsonObject("metadata").get("resourceVersion").getAsString()).isEqualTo(rv);
    JsonObject ok = SIM.http().patch(PODS + "/json", "application/json-patch+json",
        "[{\"op\":\"test\",\"path\":\"/metadata/labels/app\",\"value\":\"web\"},{\"op\":\"replace\",\"path\":\"/spec/containers/0/image\",\"value\":\"app:2\"}]").json();
    assertThat(ok.getAsJsonObject("spec").getAsJsonArray("containers").get(0).getAsJsonObject().get("image").getAsString())
        .isEqualTo("app:2");
  }

  @Test
  void strategicMergeMergesContainersByNameAndFinalizersAsASet() {
    SIM.http().post(PODS, POD.formatted("smp"));
    JsonObject pod = SIM.http().patch(PODS + "/smp", "application/strategic-merge-patch+json", """
        {"metadata":{"finalizers":["b.io/y"]},"spec":{"containers":[{"name":"sidecar","image":"side:2"}]}}
        """).json();
    var containers = pod.getAsJsonObject("spec").getAsJsonArray("containers");
    assertThat(containers).hasSize(2);
    assertThat(containers.get(0).getAsJsonObject().getAsJsonArray("env")).hasSize(2);
    assertThat(containers.get(1).getAsJsonObject().get("image").getAsString()).isEqualTo("side:2");
    assertThat(pod.getAsJsonObject("metadata").getAsJsonArray("finalizers").toString()).isEqualTo("[\"a.io/x\",\"b.io/y\"]");

    SIM.http().patch(PODS + "/smp/status", "application/strategic-merge-patch+json",
        "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\"},{\"type\":\"PodScheduled\",\"status\":\"True\"}]}}");
    JsonObject status = SIM.http().patch(PODS + "/smp/status", "application/strategic-merge-patch+json",
        "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}").json();
    assertThat(status.getAsJsonObject("status").getAsJsonArray("conditions").toString()).as("merged by type")
        .isEqualTo("[{\"type\":\"Ready\",\"status\":\"True\"},{\"type\":\"PodScheduled\",\"status\":\"True\"}]");
    SimHttp.Reply forbidden = SIM.http().patch(PODS + "/smp", "application/strategic-merge-patch+json",
        "{\"spec\":{\"containers\":[{\"name\":\"app\",\"env\":[{\"name\":\"C\",\"value\":\"3\"}]}]}}");
    assertThat(forbidden.code()).isEqualTo(422);
    assertThat(forbidden.string("message")).startsWith("Pod \"smp\" is invalid: spec: Forbidden: pod updates may not "
        + "change fields other than `spec.containers[*].image`");
  }

  @Test
  void patchCarryingAStaleResourceVersionIsConflict() {
    SIM.http().post(PODS, POD.formatted("optimistic"));
    SimHttp.Reply r = SIM.http().patch(PODS + "/optimistic", "application/merge-patch+json",
        "{\"metadata\":{\"resourceVersion\":\"1\",\"labels\":{\"a\":\"b\"}}}");
    assertThat(r.code()).isEqualTo(409);
    assertThat(r.string("reason")).isEqualTo("Conflict");
  }

  @Test
  void customResourcesTakeMergeAndJsonPatchesValidatedAgainstTheirSchema() {
    SIM.http().post(Fixtures.IDENTITIES, Fixtures.identity("patched", 0));
    JsonObject merged = SIM.http().patch(Fixtures.IDENTITIES + "/patched", "application/merge-patch+json",
        "{\"spec\":{\"type\":1,\"auxiliaryTenantIDs\":[\"t1\"]}}").json();
    assertThat(merged.getAsJsonObject("spec").get("type").getAsInt()).isEqualTo(1);
    SimHttp.Reply invalid = SIM.http().patch(Fixtures.IDENTITIES + "/patched", "application/json-patch+json",
        "[{\"op\":\"replace\",\"path\":\"/spec/type\",\"value\":\"one\"}]");
    assertThat(invalid.code()).isEqualTo(422);
    assertThat(invalid.string("message")).isEqualTo("AzureIdentity.aadpodidentity.k8s.io \"patched\" is invalid: "
        + "spec.type: Invalid value: \"string\": spec.type in body must be of type integer: \"string\"");
  }

  @Test
  void dryRunAnswersAsIfItWroteButWritesNothing() {
    SIM.http().post(PODS, POD.formatted("dry"));
    long before = SIM.sim().resourceVersion();
    SimHttp.Reply patched = SIM.http().patch(PODS + "/dry?dryRun=All", "application/merge-patch+json",
        "{\"metadata\":{\"labels\":{\"tier\":\"x\"}}}");
    assertThat(patched.code()).isEqualTo(200);
    assertThat(patched.string("metadata", "labels", "tier")).isEqualTo("x");
    SimHttp.Reply created = SIM.http().post(PODS + "?dryRun=All", POD.formatted("dry-new"));
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.json().getAsJsonObject("metadata").has("resourceVersion")).isFalse();
    assertThat(SIM.http().delete(PODS + "/dry?dryRun=All").code()).isEqualTo(200);
    assertThat(SIM.sim().resourceVersion()).isEqualTo(before);
    assertThat(SIM.http().get(PODS + "/dry-new").code()).isEqualTo(404);
    assertThat(SIM.http().get(PODS + "/dry").json().getAsJsonObject("metadata").getAsJsonObject("labels").has("tier")).isFalse();
  }

  @Test
  void putWithoutResourceVersionOfACustomResourceIsInvalid() {
    SIM.http().post(Fixtures.IDENTITIES, Fixtures.identity("unconditional", 0));
    SimHttp.Reply r = SIM.http().put(Fixtures.IDENTITIES + "/unconditional", Fixtures.identity("unconditional", 2));
    assertThat(r.code()).isEqualTo(422);
    assertThat(r.string("message")).isEqualTo("azureidentities.aadpodidentity.k8s.io \"unconditional\" is invalid: "
        + "metadata.resourceVersion: Invalid value: 0x0: must be specified for an update");
  }
}
