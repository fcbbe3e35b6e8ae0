package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Object lifecycles: deletion held by finalizers, namespace termination, CRD removal, the status subresource and
 * generation of custom resources, and schema defaults.
 */
class LifecycleIT {
  private static final String PODS = "/api/v1/namespaces/default/pods";

  @RegisterExtension
  static final RunningSimulator SIM = RunningSimulator.withIdentityCrd();

  @Test
  void finalizerDelaysDeletionUntilItIsRemoved() {
    SIM.http().post(PODS, Fixtures.pod("held", "a").replace("\"labels\"", "\"finalizers\":[\"example.com/hold\"],\"labels\""));
    String from = String.valueOf(SIM.sim().resourceVersion());
    SimHttp.Reply deleted = SIM.http().delete(PODS + "/held");
    assertThat(deleted.code()).isEqualTo(200);
    JsonObject meta = deleted.json().getAsJsonObject("metadata");
    assertThat(meta.get("deletionTimestamp").getAsString()).isNotBlank();
    assertThat(meta.get("deletionGracePeriodSeconds").getAsLong()).isZero();
    assertThat(SIM.http().get(PODS + "/held").code()).isEqualTo(200);

    SimHttp.Reply added = SIM.http().patch(PODS + "/held", "application/merge-patch+json",
        "{\"metadata\":{\"finalizers\":[\"example.com/hold\",\"example.com/more\"]}}");
    assertThat(added.code()).isEqualTo(422);
    assertThat(added.string("message")).contains("no new finalizers can be added if the object is being deleted");

    assertThat(SIM.http().patch(PODS + "/held", "application/json-patch+json",
        "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]").code()).isEqualTo(200);
    assertThat(SIM.http().get(PODS + "/held").code()).isEqualTo(404);
    try (SimHttp.WatchLines w = SIM.http().watch(PODS + "?watch=1&timeoutSeconds=1&resourceVersion=" + from)) {
      assertThat(w.next().get("type").getAsString()).isEqualTo("MODIFIED");
      assertThat(w.next().get("type").getAsString()).isEqualTo("DELETED");
    }
  }

  @Test
  void deletingANamespaceTerminatesItDeletesItsContentAndThenRemovesIt() {
    SIM.http().post("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"doomed\"}}");
    SIM.http().post("/api/v1/namespaces/doomed/pods", Fixtures.pod("p", "a").replace("\"labels\"",
        "\"finalizers\":[\"example.com/hold\"],\"labels\""));
    SIM.http().post("/api/v1/namespaces/doomed/configmaps", "{\"metadata\":{\"name\":\"c\"}}");

    JsonObject terminating = SIM.http().delete("/api/v1/namespaces/doomed").json();
    assertThat(terminating.getAsJsonObject("status").get("phase").getAsString()).isEqualTo("Terminating");
    await().atMost(Duration.ofSeconds(5)).until(() -> SIM.http().get("/api/v1/namespaces/doomed/configmaps/c").code() == 404);
    SimHttp.Reply refused = SIM.http().post("/api/v1/namespaces/doomed/configmaps", "{\"metadata\":{\"name\":\"late\"}}");
    assertThat(refused.code()).isEqualTo(403);
    assertThat(refused.string("message")).isEqualTo("configmaps \"late\" is forbidden: unable to create new content in "
        + "namespace doomed because it is being terminated");
    assertThat(SIM.http().get("/api/v1/namespaces/doomed").code()).as("held by the pod's finalizer").isEqualTo(200);

    SIM.http().patch("/api/v1/namespaces/doomed/pods/p", "application/merge-patch+json", "{\"metadata\":{\"finalizers\":null}}");
    await().atMost(Duration.ofSeconds(5)).until(() -> SIM.http().get("/api/v1/namespaces/doomed").code() == 404);
  }

  @Test
  void statusSubresourceSeparatesSpecFromStatusAndGenerationCountsSpecChanges() {
    String path = Fixtures.IDENTITIES + "/gen";
    JsonObject created = SIM.http().post(Fixtures.IDENTITIES, Fixtures.identity("gen", 0).replace("\"spec\"",
        "\"status\":{\"availableReplicas\":3},\"spec\"")).json();
    assertThat(created.has("status")).as("status is ignored on create").isFalse();
    assertThat(created.getAsJsonObject("metadata").get("generation").getAsLong()).isEqualTo(1);
    assertThat(created.getAsJsonObject("spec").get("adEndpoint").getAsString())
        .as("defaulted from the schema").isEqualTo("https://login.microsoftonline.com/");

    JsonObject status = SIM.http().patch(path + "/status", "application/merge-patch+json",
        "{\"spec\":{\"type\":2},\"status\":{\"availableReplicas\":1}}").json();
    assertThat(status.getAsJsonObject("status").get("availableReplicas").getAsInt()).isEqualTo(1);
    assertThat(status.getAsJsonObject("spec").get("type").getAsInt()).as("/status ignores the spec").isZero();
    assertThat(status.getAsJsonObject("metadata").get("generation").getAsLong()).isEqualTo(1);

    JsonObject main = SIM.http().patch(path, "application/merge-patch+json",
        "{\"spec\":{\"type\":1},\"status\":{\"availableReplicas\":9}}").json();
    assertThat(main.getAsJsonObject("spec").get("type").getAsInt()).isEqualTo(1);
    assertThat(main.getAsJsonObject("status").get("availableReplicas").getAsInt()).as("the main endpoint ignores status")
        .isEqualTo(1);
    assertThat(main.getAsJsonObject("metadata").get("generation").getAsLong()).isEqualTo(2);

    JsonObject labelled = SIM.http().patch(path, "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}").json();
    assertThat(labelled.getAsJsonObject("metadata").get("generation").getAsLong()).as("metadata is not spec").isEqualTo(2);
  }

  @Test
  void createTakesKindFromTheUrlAndGeneratesNames() {
    SimHttp.Reply lease = SIM.http().post("/apis/coordination.k8s.io/v1/namespaces/default/leases",
        "{\"metadata\":{\"generateName\":\"lock-\"},\"spec\":{\"holderIdentity\":\"a\"}}");
    assertThat(lease.code()).as(lease.text()).isEqualTo(201);
    assertThat(lease.string("kind")).isEqualTo("Lease");
    assertThat(lease.string("apiVersion")).isEqualTo("coordination.k8s.io/v1");
    assertThat(lease.string("metadata", "name")).matches("lock-[bcdfghjklmnpqrstvwxz2456789]{5}");
  }

  @Test
  void deleteCollectionDeletesWhatTheSelectorSelects() {
    SIM.http().post(PODS, Fixtures.pod("batch-1", "batch"));
    SIM.http().post(PODS, Fixtures.pod("batch-2", "batch"));
    SIM.http().post(PODS, Fixtures.pod("keep", "other"));
    JsonObject deleted = SIM.http().delete(PODS + "?labelSelector=app%3Dbatch").json();
    assertThat(deleted.get("kind").getAsString()).isEqualTo("PodList");
    assertThat(deleted.getAsJsonArray("items")).hasSize(2);
    assertThat(SIM.http().get(PODS + "/batch-1").code()).isEqualTo(404);
    assertThat(SIM.http().get(PODS + "/keep").code()).isEqualTo(200);
  }

  @Test
  void unchangedUpdateWritesNothing() {
    SIM.http().post(PODS, Fixtures.pod("same", "a"));
    String current = SIM.http().get(PODS + "/same").text();
    long before = SIM.sim().resourceVersion();
    SimHttp.Reply put = SIM.http().put(PODS + "/same", current);
    assertThat(put.code()).isEqualTo(200);
    assertThat(SIM.sim().resourceVersion()).isEqualTo(before);
  }

  @Test
  void deletingACrdRemovesItsResourcesAndTheirObjects() {
    String crd = Fixtures.IDENTITY_CRD.replace("azureidentities", "throwaways").replace("AzureIdentity", "Throwaway")
        .replace("azureidentity", "throwaway");
    assertThat(SIM.http().post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd).code()).isEqualTo(201);
    String collection = "/apis/aadpodidentity.k8s.io/v1/namespaces/default/throwaways";
    await().atMost(Duration.ofSeconds(5)).until(() -> SIM.http().get(collection).code() == 200);
    assertThat(SIM.http().post(collection, Fixtures.identity("t", 0).replace("AzureIdentity", "Throwaway")).code()).isEqualTo(201);

    SimHttp.Reply deleted = SIM.http().delete("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/throwaways.aadpodidentity.k8s.io");
    assertThat(deleted.code()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> SIM.http().get(collection).code() == 404);
    assertThat(SIM.sim().list("aadpodidentity.k8s.io/v1", "azureidentities", null)).isNotNull();
    assertThat(SIM.http().get("/apis/aadpodidentity.k8s.io/v1").text()).doesNotContain("throwaways");
  }
}
