package io.podidentity.kubesim;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/** Raw HTTP against a simulator, for tests that check the wire: status codes, Status bodies, watch lines. */
final class SimHttp {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  SimHttp(KubeSimulator sim) {
    this.base = sim.baseUrl();
  }

  /** An answer: status code, body (JSON when it parses), headers. */
  record Reply(int code, String text, java.net.http.HttpHeaders headers) {
    JsonObject json() {
      return JsonParser.parseString(text).getAsJsonObject();
    }

    String string(String... path) {
      JsonElement e = json();
      for (String p : path) {
        e = e.getAsJsonObject().get(p);
        if (e == null) {
          return null;
        }
      }
      return e.getAsString();
    }
  }

  Reply get(String path) {
    return send("GET", path, null, null);
  }

  /** A GET asking for a server-side Table, as kubectl get does. */
  JsonObject table(String path) {
    try {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json").build(),
          HttpResponse.BodyHandlers.ofString());
      return JsonParser.parseString(r.body()).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply post(String path, String json) {
    return send("POST", path, "application/json", json);
  }

  Reply put(String path, String json) {
    return send("PUT", path, "application/json", json);
  }

  Reply patch(String path, String contentType, String body) {
    return send("PATCH", path, contentType, body);
  }

  Reply delete(String path) {
    return send("DELETE", path, null, null);
  }

  Reply send(String method, String path, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A watch: the lines of the chunked answer, read as they arrive; close it to end the watch. */
  WatchLines watch(String path) {
    try {
      HttpResponse<Stream<String>> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
          HttpResponse.BodyHandlers.ofLines());
      return new WatchLines(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The events of a watch, parsed one line at a time. */
  static final class WatchLines implements AutoCloseable {
    final int code;
    private final Stream<String> lines;
    private final Iterator<String> it;

    WatchLines(int code, Stream<String> lines) {
      this.code = code;
      this.lines = lines;
      this.it = lines.iterator();
    }

    /** The next event, blocking until it arrives; null when the stream ended. */
    JsonObject next() {
      return it.hasNext() ? JsonParser.parseString(it.next()).getAsJsonObject() : null;
    }

    @Override
    public void close() {
      lines.close();
    }
  }
}
