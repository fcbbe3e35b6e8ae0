package io.podidentity.nmi.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP answer before it is written, with the labels its metric needs. {@link #plain} is Go's {@code http.Error}:
 * {@code text/plain; charset=utf-8}, {@code X-Content-Type-Options: nosniff}, the message and a newline.
 */
public record Answer(int status, Map<String, String> headers, byte[] body, String namespace, String resource) {
  static final String JSON = "application/json";

  public Answer {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(resource, "resource");
  }

  static Answer plain(int status, String message) {
    return plain(status, message, Map.of());
  }

  static Answer plain(int status, String message, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    headers.put("Content-Type", "text/plain; charset=utf-8");
    headers.put("X-Content-Type-Options", "nosniff");
    return new Answer(status, headers, (message + "\n").getBytes(StandardCharsets.UTF_8), "", "");
  }

  static Answer json(int status, String contentType, String body) {
    return new Answer(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8), "", "");
  }

  /** The same answer, labelled with the caller's namespace and requested resource. */
  Answer labelled(String podNamespace, String requestedResource) {
    return new Answer(status, headers, body, podNamespace, requestedResource);
  }

  /** The body as text, for logs of error answers (never called for token answers). */
  String text() {
    return new String(body, StandardCharsets.UTF_8).strip();
  }

  @Override
  public String toString() {
    return "Answer[status=" + status + ", bytes=" + body.length + "]";
  }
}
