package io.podidentity.azuresim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls for the behaviours SDKs hide (headers, exact bodies, IMDS limits, the admin endpoint). */
final class RawHttp {
  private static final HttpClient PLAIN = HttpClient.newHttpClient();

  private RawHttp() {}

  static HttpResponse<String> get(URI uri, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET();
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return send(PLAIN, builder.build());
  }

  static HttpResponse<String> send(String method, URI uri, String body) {
    return send(PLAIN, HttpRequest.newBuilder(uri).method(method, body == null ? HttpRequest.BodyPublishers
        .noBody() : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build());
  }

  static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
