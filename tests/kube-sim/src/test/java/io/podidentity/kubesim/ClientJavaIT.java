package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.EventsV1Event;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.options.ListOptions;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.EventsV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * client-java's typed and generic APIs work unchanged: CRUD, status updates, selectors, 404s as responses, and
 * Events written through events.k8s.io read back as core Events.
 */
class ClientJavaIT {
  @RegisterExtension
  static final RunningSimulator SIM = RunningSimulator.withIdentityCrd();

  private final ApiClient client = new ClientBuilder().setBasePath(SIM.sim().baseUrl()).build();

  @Test
  void genericApiCreatesReadsUpdatesStatusAndDeletesPods() throws Exception {
    var pods = new GenericKubernetesApi<>(V1Pod.class, V1PodList.class, "", "v1", "pods", client);
    V1Pod pod = new V1Pod().metadata(new V1ObjectMeta().name("generic").namespace("default").labels(Map.of("app", "x")))
        .spec(new V1PodSpec().containers(List.of(new V1Container().name("c").image("busybox:1.36"))));
    V1Pod created = pods.create(pod).throwsApiException().getObject();
    assertThat(created.getStatus().getPhase()).isEqualTo("Pending");

    created.setStatus(new V1PodStatus().phase("Running").podIP("127.0.10.9"));
    // client-java's updateStatus sends its JSON patch as application/json, which the apiserver refuses with 415
    // (kubernetes-client/java#3143); a PUT to the status subresource is what works.
    assertThat(pods.updateStatus(created, V1Pod::getStatus).getHttpStatusCode()).isEqualTo(415);
    V1Pod running = new CoreV1Api(client).replaceNamespacedPodStatus("generic", "default", created).execute();
    assertThat(running.getStatus().getPodIP()).isEqualTo("127.0.10.9");

    var selected = pods.list("default", new ListOptions() {
      {
        setFieldSelector("status.podIP=127.0.10.9");
        setLabelSelector("app=x");
      }
    }).throwsApiException().getObject();
    assertThat(selected.getItems()).extracting(p -> p.getMetadata().getName()).containsExactly("generic");

    KubernetesApiResponse<V1Pod> deleted = pods.delete("default", "generic");
    assertThat(deleted.isSuccess()).isTrue();
    KubernetesApiResponse<V1Pod> missing = pods.get("default", "generic");
    assertThat(missing.getHttpStatusCode()).isEqualTo(404);
    assertThat(missing.getStatus().getReason()).isEqualTo("NotFound");
  }

  @Test
  void aPodReadThroughTheClientCanBeRelabelledWithAPut() throws Exception {
    CoreV1Api core = new CoreV1Api(client);
    core.createNamespacedPod("default", new V1Pod().metadata(new V1ObjectMeta().name("relabel").namespace("default"))
        .spec(new V1PodSpec().containers(List.of(new V1Container().name("c").image("busybox:1.36"))))).execute();
    // client-java writes empty lists and maps for what it read as absent; the apiserver decodes both the same way.
    V1Pod read = core.readNamespacedPod("relabel", "default").execute();
    read.getMetadata().putLabelsItem("aadpodidbinding", "demo");
    V1Pod replaced = core.replaceNamespacedPod("relabel", "default", read).execute();
    assertThat(replaced.getMetadata().getLabels()).containsEntry("aadpodidbinding", "demo");

    V1Pod moved = core.readNamespacedPod("relabel", "default").execute();
    moved.getSpec().setNodeName("node-2");
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(io.kubernetes.client.openapi.ApiException.class,
        () -> core.replaceNamespacedPod("relabel", "default", moved).execute()).getCode()).isEqualTo(422);
    core.deleteNamespacedPod("relabel", "default").execute();
  }

  @Test
  void genericApiHandlesCustomResources() throws Exception {
    var identities = new GenericKubernetesApi<>(TestIdentity.class, TestIdentity.List_.class, Fixtures.GROUP, "v1",
        "azureidentities", client);
    TestIdentity identity = new TestIdentity();
    identity.apiVersion = "aadpodidentity.k8s.io/v1";
    identity.kind = "AzureIdentity";
    identity.metadata = new V1ObjectMeta().name("typed").namespace("default");
    identity.spec = Map.of("type", 0, "clientID", "c1");
    TestIdentity created = identities.create(identity).throwsApiException().getObject();
    assertThat(created.metadata.getGeneration()).isEqualTo(1);
    assertThat(created.spec).containsEntry("adEndpoint", "https://login.microsoftonline.com/");
    assertThat(identities.list("default").throwsApiException().getObject().getItems())
        .extracting(i -> i.metadata.getName()).contains("typed");
    assertThat(identities.delete("default", "typed").isSuccess()).isTrue();
  }

  @Test
  void eventsWrittenThroughEventsApiAreReadAsCoreEvents() throws Exception {
    new EventsV1Api(client).createNamespacedEvent("default", new EventsV1Event()
        .metadata(new V1ObjectMeta().name("e1").namespace("default"))
        .eventTime(OffsetDateTime.now()).reportingController("pod-identity/mic").reportingInstance("mic-1")
        .action("Binding").reason("IdentityAssigned").type("Normal").note("assigned demo-uami")
        .regarding(new V1ObjectReference().kind("Pod").name("demo").namespace("default"))).execute();
    CoreV1Event core = new CoreV1Api(client).readNamespacedEvent("e1", "default").execute();
    assertThat(core.getMessage()).isEqualTo("assigned demo-uami");
    assertThat(core.getReportingComponent()).isEqualTo("pod-identity/mic");
    assertThat(core.getInvolvedObject().getName()).isEqualTo("demo");
    assertThat(new CoreV1Api(client).listNamespacedEvent("default").fieldSelector("involvedObject.name=demo")
        .execute().getItems()).hasSize(1);
  }
}
