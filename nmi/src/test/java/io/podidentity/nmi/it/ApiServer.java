package io.podidentity.nmi.it;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1SecretReference;
import io.podidentity.common.crd.AzureAssignedIdentityMapper;
import io.podidentity.common.crd.CrdNames;
import io.podidentity.common.crd.V1AzureAssignedIdentity;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.common.crd.V1AzureIdentityBinding;
import io.podidentity.common.crd.V1AzureIdentityBindingSpec;
import io.podidentity.common.crd.V1AzureIdentitySpec;
import io.podidentity.common.model.PodRef;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes side of NMI's integration tests: the API simulator with the project's four CRDs, written to over
 * plain HTTP the way MIC, kubectl and a kubelet would (create, status merge patch, delete). NMI reads it only through
 * its own informers.
 */
final class ApiServer implements AutoCloseable {
  private static final Path CRDS = Path.of("../k8s/crds");
  private static final String CRD_BASE = "/apis/" + CrdNames.API_VERSION + "/namespaces/";
  private static final Gson GSON = JSON.getGson();

  final KubeSimulator sim;
  final Path kubeconfig;
  private final HttpClient http = HttpClient.newHttpClient();

  ApiServer(Path dir) {
    sim = KubeSimulator.builder().start();
    try {
      kubeconfig = sim.writeKubeconfig(dir.resolve("kubeconfig"));
      try (var files = Files.list(CRDS)) {
        for (Path crd : files.filter(f -> f.getFileName().toString().startsWith(CrdNames.GROUP)).toList()) {
          try (InputStream in = Files.newInputStream(crd)) {
            Map<String, Object> yaml = new Yaml().load(in);
            send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", GSON.toJson(yaml));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void namespace(String name) {
    send("POST", "/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
        + name + "\"}}");
  }

  /** A pod on {@code node}, Running at {@code ip} as its kubelet would report it; labels as given. */
  void runningPod(String namespace, String name, String node, String ip, Map<String, String> labels) {
    JsonObject pod = GSON.fromJson("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name
        + "\",\"namespace\":\"" + namespace + "\"},\"spec\":{\"nodeName\":\"" + node
        + "\",\"containers\":[{\"name\":\"app\",\"image\":\"busybox\"}]}}", JsonObject.class);
    pod.getAsJsonObject("metadata").add("labels", GSON.toJsonTree(labels));
    send("POST", "/api/v1/namespaces/" + namespace + "/pods", pod.toString());
    send("PATCH", "/api/v1/namespaces/" + namespace + "/pods/" + name + "/status", "{\"status\":{\"phase\":"
        + "\"Running\",\"podIP\":\"" + ip + "\",\"podIPs\":[{\"ip\":\"" + ip + "\"}]}}");
  }

  /** A pod bound by the {@code aadpodidbinding} label to {@code selector}. */
  void boundPod(String namespace, String name, String node, String ip, String selector) {
    runningPod(namespace, name, node, ip, Map.of(CrdNames.POD_LABEL, selector));
  }

  void secret(String namespace, String name, Map<String, byte[]> data) {
    Map<String, String> encoded = new LinkedHashMap<>();
    data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v)));
    send("POST", "/api/v1/namespaces/" + namespace + "/secrets", "{\"apiVersion\":\"v1\",\"kind\":\"Secret\","
        + "\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + namespace + "\"},\"data\":"
        + GSON.toJson(encoded) + "}");
  }

  V1AzureIdentity identity(String namespace, String name, V1AzureIdentitySpec spec) {
    V1AzureIdentity identity = new V1AzureIdentity().apiVersion(CrdNames.API_VERSION)
        .kind(CrdNames.AZURE_IDENTITY_KIND).metadata(new V1ObjectMeta().namespace(namespace).name(name)).spec(spec);
    return GSON.fromJson(send("POST", CRD_BASE + namespace + "/" + CrdNames.AZURE_IDENTITY_PLURAL,
        GSON.toJson(identity)), V1AzureIdentity.class);
  }

  /** A type-0 identity spec. */
  static V1AzureIdentitySpec userAssigned(String resourceId, String clientId) {
    return new V1AzureIdentitySpec().type(0).resourceID(resourceId).clientID(clientId);
  }

  /** A type-1 (secret) or type-2 (certificate) identity spec whose credential is in Secret {@code namespace/secret}. */
  static V1AzureIdentitySpec servicePrincipal(int type, String tenant, String clientId, String namespace,
      String secret, String adEndpoint) {
    return new V1AzureIdentitySpec().type(type).tenantID(tenant).clientID(clientId).adEndpoint(adEndpoint)
        .clientPassword(new V1SecretReference().namespace(namespace).name(secret));
  }

  V1AzureIdentityBinding binding(String namespace, String name, String identity, String selector) {
    V1AzureIdentityBinding binding = new V1AzureIdentityBinding().apiVersion(CrdNames.API_VERSION)
        .kind(CrdNames.AZURE_IDENTITY_BINDING_KIND).metadata(new V1ObjectMeta().namespace(namespace).name(name))
        .spec(new V1AzureIdentityBindingSpec().azureIdentity(identity).selector(selector));
    return GSON.fromJson(send("POST", CRD_BASE + namespace + "/" + CrdNames.AZURE_IDENTITY_BINDING_PLURAL,
        GSON.toJson(binding)), V1AzureIdentityBinding.class);
  }

  /** What MIC does for a pod: the assigned identity as it creates it, then its status set to {@code state}. */
  String assign(V1AzureIdentity identity, V1AzureIdentityBinding binding, PodRef pod, String node, String state) {
    V1AzureAssignedIdentity aai = AzureAssignedIdentityMapper.newAssignedIdentity(identity, binding, pod, node, false)
        .apiVersion(CrdNames.API_VERSION).kind(CrdNames.AZURE_ASSIGNED_IDENTITY_KIND);
    String name = aai.getMetadata().getName();
    send("POST", CRD_BASE + "default/" + CrdNames.AZURE_ASSIGNED_IDENTITY_PLURAL, GSON.toJson(aai));
    state("default", name, state);
    return name;
  }

  /** Sets an assigned identity's {@code status.status} (the CRD has no status subresource, as the original's). */
  void state(String namespace, String name, String state) {
    send("PATCH", CRD_BASE + namespace + "/" + CrdNames.AZURE_ASSIGNED_IDENTITY_PLURAL + "/" + name,
        "{\"status\":{\"status\":\"" + state + "\",\"availableReplicas\":1}}");
  }

  void exception(String namespace, String name, Map<String, String> podLabels) {
    send("POST", CRD_BASE + namespace + "/" + CrdNames.AZURE_POD_IDENTITY_EXCEPTION_PLURAL, "{\"apiVersion\":\""
        + CrdNames.API_VERSION + "\",\"kind\":\"AzurePodIdentityException\",\"metadata\":{\"name\":\"" + name
        + "\",\"namespace\":\"" + namespace + "\"},\"spec\":{\"podLabels\":" + GSON.toJson(podLabels) + "}}");
  }

  void delete(String path) {
    send("DELETE", path, null);
  }

  /** The JSON an API call answered; anything but 2xx fails the test. */
  String send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
        .header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    sim.close();
  }
}
