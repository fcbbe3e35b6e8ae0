package io.podidentity.kubesim.http;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.api.FieldError;
import io.podidentity.kubesim.json.JsonTree;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The DeleteOptions of a request, from its body (JSON or protobuf) and its query; only what the registry honours. */
record DeleteRequest(Long gracePeriodSeconds, String uid, String resourceVersion) {
  static DeleteRequest read(byte[] body, String contentType, Map<String, String> query) {
    Map<String, String> values = new HashMap<>(query);
    JsonObject json = body.length == 0 ? new JsonObject() : JsonBodies.object(body, contentType, "DeleteOptions");
    Long grace = json.has("gracePeriodSeconds") && !json.get("gracePeriodSeconds").isJsonNull()
        ? json.get("gracePeriodSeconds").getAsLong() : null;
    if (grace == null && values.containsKey("gracePeriodSeconds")) {
      grace = Long.parseLong(values.get("gracePeriodSeconds"));
    }
    String policy = JsonTree.string(json, "propagationPolicy");
    policy = policy == null ? values.get("propagationPolicy") : policy;
    if (policy != null && !List.of("Orphan", "Background", "Foreground").contains(policy)) {
      throw ApiException.invalid("meta.k8s.io", "DeleteOptions", "", List.of(
          FieldError.notSupported("propagationPolicy", new com.google.gson.JsonPrimitive(policy),
              List.of("Foreground", "Background", "Orphan", "nil"))));
    }
    return new DeleteRequest(grace, JsonTree.string(json, "preconditions", "uid"),
        JsonTree.string(json, "preconditions", "resourceVersion"));
  }
}
