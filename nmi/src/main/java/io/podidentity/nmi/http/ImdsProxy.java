package io.podidentity.nmi.http;

import io.helidon.http.Header;
import io.helidon.webserver.http.ServerRequest;
import io.podidentity.nmi.config.NmiSettings;
import io.podidentity.nmi.decide.RequestTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pass-through to IMDS for every other path (§3.7): same method, raw path and query, body and end-to-end
 * headers; hop-by-hop headers dropped both ways; the upstream status, headers and body copied back; a bounded time;
 * 500 with the error when IMDS cannot be reached, as the original. {@code Metadata: true} is required first when
 * configured. TRACE, TRACK and CONNECT are refused (405) instead of forwarded: they can only echo a request back.
 */
final class ImdsProxy {
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
      "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection");
  private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "expect");
  private static final Set<String> REFUSED_METHODS = Set.of("TRACE", "TRACK", "CONNECT");

  private final HttpClient http;
  private final NmiSettings.Imds imds;
  private final boolean metadataRequired;

  ImdsProxy(HttpClient http, NmiSettings.Imds imds, boolean metadataRequired) {
    this.http = http;
    this.imds = imds;
    this.metadataRequired = metadataRequired;
  }

  Answer answer(RequestTarget target, ServerRequest request) {
    if (metadataRequired && !"true".equals(request.headers().first(Headers.METADATA).orElse(null))) {
      return DecisionResponses.metadataRequired();
    }
    String method = request.prologue().method().text();
    if (REFUSED_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      return Answer.plain(405, "Method Not Allowed");
    }
    try {
      HttpResponse<byte[]> response = http.send(forwarded(target, request, method),
          HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), copied(response), response.body(), "", "");
    } catch (IOException | IllegalArgumentException e) {
      return Answer.plain(500, "failed to reach IMDS at " + imds.ip() + ":" + imds.port() + ": "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.plain(500, "interrupted while waiting for IMDS");
    }
  }

  private HttpRequest forwarded(RequestTarget target, ServerRequest request, String method) {
    String host = imds.ip().contains(":") ? "[" + imds.ip() + "]" : imds.ip();
    byte[] body = request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0];
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + host + ":" + imds.port()
            + target.forwardTarget()))
        .timeout(imds.proxyTimeout())
        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    Set<String> named = connectionNamed(request);
    for (Header header : request.headers()) {
      String name = header.name().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name) && !SET_BY_CLIENT.contains(name) && !named.contains(name)) {
        header.allValues().forEach(value -> copy(builder, header.name(), value));
      }
    }
    return builder.build();
  }

  /** Copies one header; one the JDK client refuses to send (a restricted name) is left out. */
  private static void copy(HttpRequest.Builder builder, String name, String value) {
    try {
      builder.header(name, value);
    } catch (IllegalArgumentException e) {
      // Not forwardable by this client; IMDS reads none of the restricted headers.
    }
  }

  private static Set<String> connectionNamed(ServerRequest request) {
    return request.headers().values(io.helidon.http.HeaderNames.CONNECTION).stream()
        .flatMap(v -> List.of(v.split(",")).stream())
        .map(v -> v.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  private static Map<String, String> copied(HttpResponse<byte[]> response) {
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().map().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(lower) && !lower.equals("content-length") && !lower.startsWith(":")) {
        headers.put(name, String.join(", ", values));
      }
    });
    return headers;
  }
}
