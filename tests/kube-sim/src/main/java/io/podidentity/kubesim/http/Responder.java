package io.podidentity.kubesim.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.json.GoTypes;
import io.podidentity.kubesim.json.JsonTree;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Writes answers the way the apiserver does: JSON bodies, an Audit-Id, and warnings as {@code Warning: 299} headers. */
public final class Responder {
  private Responder() {}

  public static void json(HttpExchange ex, int code, JsonElement body, List<String> warnings) throws IOException {
    send(ex, code, "application/json", JsonTree.write(body).getBytes(StandardCharsets.UTF_8), warnings);
  }

  public static void json(HttpExchange ex, int code, JsonElement body) throws IOException {
    json(ex, code, body, List.of());
  }

  public static void error(HttpExchange ex, ApiException e) throws IOException {
    json(ex, e.code(), e.status());
  }

  /** A Success status, as DELETE answers for kinds that do not return the deleted object. */
  public static JsonObject success(String name, String group, String resource, String uid) {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.add("metadata", new JsonObject());
    status.addProperty("status", "Success");
    JsonObject details = new JsonObject();
    details.addProperty("name", name);
    if (!group.isEmpty()) {
      details.addProperty("group", group);
    }
    details.addProperty("kind", resource);
    details.addProperty("uid", uid);
    status.add("details", details);
    return status;
  }

  public static void send(HttpExchange ex, int code, String contentType, byte[] body, List<String> warnings)
      throws IOException {
    headers(ex, contentType, warnings);
    ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** Sets the common headers; warnings are quoted as Go's %q quotes them. */
  public static void headers(HttpExchange ex, String contentType, List<String> warnings) {
    var h = ex.getResponseHeaders();
    h.set("Content-Type", contentType);
    h.set("Cache-Control", "no-cache, private");
    h.set("Audit-Id", UUID.randomUUID().toString());
    for (String w : warnings) {
      h.add("Warning", "299 - " + GoTypes.quote(w));
    }
  }
}
