package io.podidentity.kubesim.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ResourceType;
import java.util.List;
import java.util.Locale;

/** Builds the OpenAPI operation objects of one resource: id, parameters, request body, responses and extensions. */
final class OpenApiOperations {
  private final ResourceType type;
  private final String component;

  OpenApiOperations(ResourceType type, String component) {
    this.type = type;
    this.component = component;
  }

  JsonObject operation(String verbPrefix, String action, List<String> queryParams, String requestSchema,
      List<String> requestTypes) {
    JsonObject op = new JsonObject();
    op.addProperty("description", action + " " + type.kind());
    op.addProperty("operationId", operationId(verbPrefix));
    JsonArray params = new JsonArray();
    queryParams.forEach(p -> params.add(query(p)));
    op.add("parameters", params);
    if (requestSchema != null) {
      JsonObject content = new JsonObject();
      requestTypes.forEach(t -> content.add(t, schemaRef(requestSchema)));
      JsonObject body = new JsonObject();
      body.add("content", content);
      body.addProperty("required", true);
      op.add("requestBody", body);
    }
    JsonObject ok = new JsonObject();
    ok.addProperty("description", "OK");
    JsonObject content = new JsonObject();
    content.add("application/json", schemaRef(component));
    ok.add("content", content);
    JsonObject responses = new JsonObject();
    responses.add("200", ok);
    op.add("responses", responses);
    op.addProperty("x-kubernetes-action", action);
    JsonObject gvk = new JsonObject();
    gvk.addProperty("group", type.group());
    gvk.addProperty("kind", type.kind());
    gvk.addProperty("version", type.version());
    op.add("x-kubernetes-group-version-kind", gvk);
    return op;
  }

  JsonArray pathParameters(boolean namespaced, boolean named) {
    JsonArray params = new JsonArray();
    if (named) {
      params.add(pathParameter("name", "name of the " + type.kind()));
    }
    if (namespaced) {
      params.add(pathParameter("namespace", "object name and auth scope, such as for teams and projects"));
    }
    params.add(query("pretty"));
    return params;
  }

  private String operationId(String verb) {
    String group = type.group().isEmpty() ? "core" : type.group().split("\\.")[0];
    String scope = type.namespaced() ? "Namespaced" : "";
    String verbName = verb.startsWith("deletecollection") ? "deleteCollection" : verb;
    return verbName + capital(group) + capital(type.version()) + scope + type.kind();
  }

  private static JsonObject query(String name) {
    JsonObject p = new JsonObject();
    p.addProperty("name", name);
    p.addProperty("in", "query");
    JsonObject schema = new JsonObject();
    schema.addProperty("type", switch (name) {
      case "limit", "timeoutSeconds", "gracePeriodSeconds" -> "integer";
      case "watch", "allowWatchBookmarks", "sendInitialEvents", "force" -> "boolean";
      default -> "string";
    });
    schema.addProperty("uniqueItems", true);
    p.add("schema", schema);
    return p;
  }

  private static JsonObject pathParameter(String name, String description) {
    JsonObject p = new JsonObject();
    p.addProperty("name", name);
    p.addProperty("in", "path");
    p.addProperty("description", description);
    p.addProperty("required", true);
    JsonObject schema = new JsonObject();
    schema.addProperty("type", "string");
    schema.addProperty("uniqueItems", true);
    p.add("schema", schema);
    return p;
  }

  private static JsonObject schemaRef(String component) {
    JsonObject ref = new JsonObject();
    ref.addProperty("$ref", "#/components/schemas/" + component);
    JsonObject media = new JsonObject();
    media.add("schema", ref);
    return media;
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
