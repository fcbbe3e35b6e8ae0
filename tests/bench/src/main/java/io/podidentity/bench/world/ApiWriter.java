package io.podidentity.bench.world;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.JSON;
import io.podidentity.common.crd.CrdNames;
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
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes to the Kubernetes API simulator over HTTP, as kubectl, a kubelet or MIC would: the project's CRDs from
 * {@code k8s/crds}, then objects as JSON. Anything but a 2xx answer is a broken benchmark setup and throws.
 */
public final class ApiWriter {
  public static final Gson GSON = JSON.getGson();
  public static final String CRD_BASE = "/apis/" + CrdNames.API_VERSION + "/namespaces/";

  private final KubeSimulator sim;
  private final HttpClient http = HttpClient.newHttpClient();

  public ApiWriter(KubeSimulator sim) {
    this.sim = sim;
  }

  /** A Kubernetes API simulator with the project's CRDs and {@code namespaces}, and its kubeconfig in {@code dir}. */
  public static KubeSimulator startCluster(Path dir, String... namespaces) {
    KubeSimulator sim = KubeSimulator.builder().start();
    try {
      sim.writeKubeconfig(dir.resolve("kubeconfig"));
    } catch (IOException e) {
      sim.close();
      throw new UncheckedIOException(e);
    }
    ApiWriter api = new ApiWriter(sim);
    api.installCrds(Workspace.root());
    for (String namespace : namespaces) {
      api.namespace(namespace);
    }
    return sim;
  }

  public void installCrds(Path repository) {
    try (var files = Files.list(repository.resolve("k8s/crds"))) {
      for (Path crd : files.filter(f -> f.getFileName().toString().startsWith(CrdNames.GROUP)).sorted().toList()) {
        try (InputStream in = Files.newInputStream(crd)) {
          Map<String, Object> yaml = new Yaml().load(in);
          send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", GSON.toJson(yaml));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void namespace(String name) {
    send("POST", "/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
        + name + "\"}}");
  }

  public String send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
        .header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
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
}
