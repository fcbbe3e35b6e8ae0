package io.podidentity.azuresim.http;

import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP response: status, headers in insertion order, body bytes. Immutable; {@link #withHeader} returns a copy
 * so cross-cutting concerns (rate-limit headers, request ids) can decorate what a handler produced.
 */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

  public static final String JSON = "application/json; charset=utf-8";

  public SimResponse {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body == null ? new byte[0] : body.clone();
  }

  public static SimResponse json(int status, JsonElement body) {
    return new SimResponse(status, Map.of("Content-Type", JSON), Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  public static SimResponse text(int status, String contentType, String body) {
    return new SimResponse(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
  }

  public static SimResponse empty(int status) {
    return new SimResponse(status, Map.of(), new byte[0]);
  }

  public SimResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new SimResponse(status, copy, body);
  }

  public SimResponse withHeaders(Map<String, String> extra) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.putAll(extra);
    return new SimResponse(status, copy, body);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
