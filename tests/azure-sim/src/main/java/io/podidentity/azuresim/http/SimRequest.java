package io.podidentity.azuresim.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the simulator's handlers see it: decoded path and query, lower-cased header names, the whole
 * body. Handlers are plain functions of this value, so they can be unit-tested without a socket.
 */
public record SimRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    byte[] body,
    String remoteAddress) {

  public SimRequest {
    query = Map.copyOf(query);
    headers = lowerCaseKeys(headers);
    body = body == null ? new byte[0] : body.clone();
  }

  /** The first value of a query parameter; query names are case-sensitive as in the services simulated. */
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** How many times a query parameter occurs (IMDS rejects duplicates). */
  public int queryCount(String name) {
    List<String> values = query.get(name);
    return values == null ? 0 : values.size();
  }

  /** The first value of a header, looked up case-insensitively. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  private static Map<String, List<String>> lowerCaseKeys(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new java.util.HashMap<>();
    headers.forEach((k, v) -> copy.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v), (a, b) -> {
      List<String> all = new java.util.ArrayList<>(a);
      all.addAll(b);
      return List.copyOf(all);
    }));
    return Map.copyOf(copy);
  }
}
