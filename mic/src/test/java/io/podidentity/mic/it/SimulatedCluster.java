package io.podidentity.mic.it;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.podidentity.common.crd.CrdNames;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.common.crd.V1AzureIdentityBinding;
import io.podidentity.common.crd.V1AzureIdentityBindingList;
import io.podidentity.common.crd.V1AzureIdentityList;
import io.podidentity.kubesim.KubeSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes side of MIC's integration tests: the API simulator with the four CRDs from {@code k8s/crds}, and
 * helpers that write pods, nodes, identities and bindings with client-java and read state back from the simulator.
 */
final class SimulatedCluster implements AutoCloseable {
  private static final Path CRDS = Path.of("../k8s/crds");

  final KubeSimulator sim;
  final ApiClient client;
  final CoreV1Api core;
  final Path kubeconfig;
  final GenericKubernetesApi<V1AzureIdentity, V1AzureIdentityList> identities;
  final GenericKubernetesApi<V1AzureIdentityBinding, V1AzureIdentityBindingList> bindings;

  SimulatedCluster(Path dir) {
    sim = KubeSimulator.builder().start();
    try {
      kubeconfig = sim.writeKubeconfig(dir.resolve("kubeconfig"));
      client = ClientBuilder.standard().setBasePath(sim.baseUrl()).build();
      installCrds();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    core = new CoreV1Api(client);
    identities = new GenericKubernetesApi<>(V1AzureIdentity.class, V1AzureIdentityList.class, CrdNames.GROUP,
        CrdNames.VERSION, CrdNames.AZURE_IDENTITY_PLURAL, client);
    bindings = new GenericKubernetesApi<>(V1AzureIdentityBinding.class, V1AzureIdentityBindingList.class,
        CrdNames.GROUP, CrdNames.VERSION, CrdNames.AZURE_IDENTITY_BINDING_PLURAL, client);
    namespace("mic-system");
  }

  private void installCrds() throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    try (var files = Files.list(CRDS)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(CrdNames.GROUP)).toList()) {
        Map<String, Object> yaml;
        try (InputStream in = Files.newInputStream(file)) {
          yaml = new Yaml().load(in);
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                + "/apis/apiextensions.k8s.io/v1/customresourcedefinitions")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(new Gson().toJson(yaml))).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
          throw new IllegalStateException("cannot install " + file + ": " + r.body());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  void namespace(String name) {
    call(() -> core.createNamespace(new V1Namespace().apiVersion("v1").kind("Namespace")
        .metadata(new V1ObjectMeta().name(name))).execute());
  }

  void node(String name, String providerId) {
    call(() -> core.createNode(new V1Node().apiVersion("v1").kind("Node").metadata(new V1ObjectMeta().name(name))
        .spec(new V1NodeSpec().providerID(providerId))).execute());
  }

  void deleteNode(String name) {
    call(() -> core.deleteNode(name).execute());
  }

  void pod(String namespace, String name, String node, String selector) {
    V1ObjectMeta meta = new V1ObjectMeta().name(name).namespace(namespace);
    if (selector != null) {
      meta.putLabelsItem(CrdNames.POD_LABEL, selector);
    }
    call(() -> core.createNamespacedPod(namespace, new V1Pod().apiVersion("v1").kind("Pod").metadata(meta)
        .spec(new V1PodSpec().nodeName(node).addContainersItem(new V1Container().name("app").image("busybox"))))
        .execute());
  }

  /** Changes the pod's {@code aadpodidbinding} label with a merge patch, as {@code kubectl label} does. */
  void relabel(String namespace, String name, String selector) {
    patch("/api/v1/namespaces/" + namespace + "/pods/" + name,
        "{\"metadata\":{\"labels\":{\"" + CrdNames.POD_LABEL + "\":\"" + selector + "\"}}}");
  }

  /** Sets a pod's phase through the status subresource, as a kubelet would. */
  void phase(String namespace, String name, String phase) {
    patch("/api/v1/namespaces/" + namespace + "/pods/" + name + "/status",
        "{\"status\":{\"phase\":\"" + phase + "\"}}");
  }

  void patch(String path, String mergePatch) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
          .header("Content-Type", "application/merge-patch+json")
          .method("PATCH", HttpRequest.BodyPublishers.ofString(mergePatch)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("PATCH " + path + " failed: " + r.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  void deletePod(String namespace, String name) {
    call(() -> core.deleteNamespacedPod(name, namespace).body(new V1DeleteOptions().gracePeriodSeconds(0L))
        .execute());
  }

  V1AzureIdentity create(V1AzureIdentity identity) {
    return check(identities.create(identity));
  }

  V1AzureIdentity update(V1AzureIdentity identity) {
    return check(identities.update(identity));
  }

  V1AzureIdentity readIdentity(String namespace, String name) {
    return check(identities.get(namespace, name));
  }

  void deleteIdentity(String namespace, String name) {
    check(identities.delete(namespace, name));
  }

  V1AzureIdentityBinding create(V1AzureIdentityBinding binding) {
    return check(bindings.create(binding));
  }

  void deleteBinding(String namespace, String name) {
    check(bindings.delete(namespace, name));
  }

  /** Every assigned identity in the cluster as the API serves it. */
  List<JsonObject> assignedIdentities() {
    return sim.list(CrdNames.API_VERSION, CrdNames.AZURE_ASSIGNED_IDENTITY_PLURAL, null);
  }

  Optional<JsonObject> assignedIdentity(String namespace, String name) {
    return Optional.ofNullable(sim.get(CrdNames.API_VERSION, CrdNames.AZURE_ASSIGNED_IDENTITY_PLURAL, namespace,
        name));
  }

  /** {@code status.status} of an assigned identity, or empty when it does not exist. */
  Optional<String> state(String namespace, String name) {
    return assignedIdentity(namespace, name).map(o -> o.getAsJsonObject("status") == null ? ""
        : o.getAsJsonObject("status").get("status").getAsString());
  }

  List<JsonObject> events(String namespace) {
    return sim.list("v1", "events", namespace);
  }

  private static <T extends io.kubernetes.client.common.KubernetesType> T check(KubernetesApiResponse<T> response) {
    if (!response.isSuccess()) {
      throw new IllegalStateException("API call failed: " + response.getHttpStatusCode() + " " + response.getStatus());
    }
    return response.getObject();
  }

  private interface Call<T> {
    T run() throws ApiException;
  }

  private static <T> T call(Call<T> call) {
    try {
      return call.run();
    } catch (ApiException e) {
      throw new IllegalStateException("API call failed: " + e.getCode() + " " + e.getResponseBody(), e);
    }
  }

  @Override
  public void close() {
    sim.close();
  }
}
