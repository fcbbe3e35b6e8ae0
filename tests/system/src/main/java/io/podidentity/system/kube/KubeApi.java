package io.podidentity.system.kube;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import io.podidentity.system.process.Pause;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.yaml.snakeyaml.Yaml;

/**
 * The few Kubernetes API calls the launcher makes (create, read, wait), over plain HTTP to the simulator. The
 * walkthrough itself uses kubectl; this exists so that the launcher needs no kubectl.
 */
public final class KubeApi {
  private static final Gson GSON = new Gson();
  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public KubeApi(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The server URL of the simulator's kubeconfig. */
  public static KubeApi fromKubeconfig(Path kubeconfig) throws IOException {
    for (String line : Files.readAllLines(kubeconfig)) {
      String trimmed = line.trim();
      if (trimmed.startsWith("server:")) {
        return new KubeApi(trimmed.substring("server:".length()).trim().replace("\"", ""));
      }
    }
    throw new IOException("no server in " + kubeconfig);
  }

  /** POSTs an object to its collection; an existing object (409) is left as it is. */
  public JsonObject create(String collectionPath, String json) {
    HttpResponse<String> response = send("POST", collectionPath, json);
    if (response.statusCode() != 201 && response.statusCode() != 200 && response.statusCode() != 409) {
      throw new IllegalStateException("POST " + collectionPath + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  /** Creates every CustomResourceDefinition of a YAML file. */
  public void createCrds(Path yamlFile) throws IOException {
    for (Object document : new Yaml().loadAll(Files.readString(yamlFile))) {
      if (document instanceof Map<?, ?> map && "CustomResourceDefinition".equals(map.get("kind"))) {
        create("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", GSON.toJson(map));
      }
    }
  }

  /** A JSON merge patch ({@code application/merge-patch+json}) of an object or its subresource. */
  public void mergePatch(String path, String json) {
    HttpResponse<String> response = send("PATCH", path, json);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("PATCH " + path + " answered " + response.statusCode() + ": "
          + response.body());
    }
  }

  public Optional<JsonObject> get(String path) {
    HttpResponse<String> response = send("GET", path, null);
    return response.statusCode() == 200 ? Optional.of(JsonParser.parseString(response.body()).getAsJsonObject())
        : Optional.empty();
  }

  public void delete(String path) {
    send("DELETE", path, null);
  }

  /** Polls {@code path} until {@code condition} holds; returns the object, or throws after {@code atMost}. */
  public JsonObject await(String path, Predicate<JsonObject> condition, Duration atMost, String what) {
    Instant deadline = Instant.now().plus(atMost);
    while (Instant.now().isBefore(deadline)) {
      Optional<JsonObject> object = get(path);
      if (object.isPresent() && condition.test(object.get())) {
        return object.get();
      }
      Pause.millis(200);
    }
    throw new IllegalStateException("timed out after " + atMost.toSeconds() + "s waiting for " + what);
  }

  /** A string field at a dotted path ({@code status.podIP}), or "" when absent. */
  public static String text(JsonObject object, String dotted) {
    JsonElement current = object;
    for (String part : dotted.split("\\.")) {
      if (current == null || !current.isJsonObject()) {
        return "";
      }
      current = current.getAsJsonObject().get(part);
    }
    return current != null && current.isJsonPrimitive() ? current.getAsString() : "";
  }

  private HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
        .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
