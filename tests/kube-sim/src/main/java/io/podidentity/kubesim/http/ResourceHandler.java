package io.podidentity.kubesim.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import io.podidentity.kubesim.ApiAccess;
import io.podidentity.kubesim.RequestCounters;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.BodyDecoder;
import io.podidentity.kubesim.registry.FieldValidation;
import io.podidentity.kubesim.registry.ListOptions;
import io.podidentity.kubesim.registry.PatchBody;
import io.podidentity.kubesim.registry.Registry;
import io.podidentity.kubesim.select.FieldSelector;
import io.podidentity.kubesim.token.ServiceAccountTokens;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The REST verbs on resource URLs: maps each request to its Kubernetes verb (get, list, watch, create, update,
 * patch, delete, deletecollection), counts it, checks that the resource supports it, and answers with the status
 * codes the apiserver uses (201 for creates, 200 otherwise).
 */
final class ResourceHandler {
  private final Registry registry;
  private final Renderer renderer;
  private final WatchStream watches;
  private final ServiceAccountTokens tokens;
  private final RequestCounters counters;
  private final Duration bookmarkInterval;

  ResourceHandler(Registry registry, Renderer renderer, WatchStream watches, ServiceAccountTokens tokens,
      RequestCounters counters, Duration bookmarkInterval) {
    this.registry = registry;
    this.renderer = renderer;
    this.watches = watches;
    this.tokens = tokens;
    this.counters = counters;
    this.bookmarkInterval = bookmarkInterval;
  }

  /** A request in flight. */
  private record Call(HttpExchange ex, ResourcePath path, Map<String, String> query, Renderer.Representation rep) {
    ApiResource resource() {
      return path.resource();
    }

    byte[] body() throws IOException {
      return ex.getRequestBody().readAllBytes();
    }

    String contentType() {
      return ex.getRequestHeaders().getFirst("Content-Type");
    }
  }

  void handle(HttpExchange ex, ResourcePath path, Map<String, String> query) throws IOException {
    MediaTypes accept = MediaTypes.parse(ex.getRequestHeaders().getFirst("Accept"));
    Call call = new Call(ex, path, query, Renderer.negotiate(accept, query.get("includeObject")));
    switch (ex.getRequestMethod()) {
      case "GET" -> get(call);
      case "POST" -> post(call);
      case "PUT" -> put(call);
      case "PATCH" -> patch(call);
      case "DELETE" -> delete(call);
      default -> throw notAllowed();
    }
  }

  private void get(Call c) throws IOException {
    ResourcePath p = c.path();
    boolean watch = p.watchPath() || isTrue(c.query().get("watch"));
    if (p.name() != null && !watch) {
      verb(c, "get");
      Responder.json(c.ex(), 200, renderer.object(c.resource(), registry.get(c.resource(), p.objectNamespace(), p.name()), c.rep()));
      return;
    }
    if (p.subresource() != null) {
      throw notAllowed();
    }
    ListOptions options = ListOptions.parse(c.query(), watch);
    if (watch) {
      verb(c, "watch");
      if (p.name() != null) {
        options = options.withFieldSelector(FieldSelector.parse("metadata.name=" + p.name()));
      }
      watches.serve(c.ex(), c.resource(), p.namespace(), options, watchParams(c.query()), c.rep());
      return;
    }
    verb(c, "list");
    Responder.json(c.ex(), 200, renderer.list(c.resource(), registry.list(c.resource(), p.namespace(), options), c.rep()));
  }

  private WatchStream.Params watchParams(Map<String, String> q) {
    String timeout = q.getOrDefault("timeoutSeconds", "");
    Duration d = timeout.isEmpty() ? WatchStream.defaultTimeout() : Duration.ofSeconds(Long.parseLong(timeout));
    return new WatchStream.Params(d, isTrue(q.get("allowWatchBookmarks")), bookmarkInterval);
  }

  private void post(Call c) throws IOException {
    ResourcePath p = c.path();
    if ("token".equals(p.subresource())) {
      verb(c, "create");
      JsonObject body = JsonBodies.object(c.body(), c.contentType(), "TokenRequest");
      Responder.json(c.ex(), 201, tokens.request(p.objectNamespace(), p.name(), body));
      return;
    }
    if ("binding".equals(p.subresource())) {
      verb(c, "create");
      Responder.json(c.ex(), 201, PodBinding.bind(registry, c.resource(), p.objectNamespace(), p.name(),
          JsonBodies.object(c.body(), c.contentType(), "Binding")));
      return;
    }
    if (p.name() != null || p.subresource() != null) {
      throw notAllowed();
    }
    verb(c, "create");
    if (c.resource().type().plural().equals("tokenreviews")) {
      Responder.json(c.ex(), 201, tokens.reviews().review(JsonBodies.object(c.body(), c.contentType(), "TokenReview")));
      return;
    }
    FieldValidation directive = FieldValidation.parse(c.query().get("fieldValidation"), "CreateOptions");
    BodyDecoder.Decoded decoded = registry.decoder().decode(c.body(), c.contentType(), c.resource(), directive);
    JsonObject created = registry.create(c.resource(), p.objectNamespace(), decoded.object(), dryRun(c, "CreateOptions"));
    Responder.json(c.ex(), 201, renderer.object(c.resource(), created, c.rep()), decoded.warnings());
  }

  private void put(Call c) throws IOException {
    ResourcePath p = c.path();
    if (p.name() == null) {
      throw notAllowed();
    }
    verb(c, "update");
    FieldValidation directive = FieldValidation.parse(c.query().get("fieldValidation"), "UpdateOptions");
    BodyDecoder.Decoded decoded = registry.decoder().decode(c.body(), c.contentType(), c.resource(), directive);
    Registry.Written w = registry.replace(c.resource(), p.objectNamespace(), p.name(), p.subresource(), decoded.object(),
        dryRun(c, "UpdateOptions"));
    Responder.json(c.ex(), w.created() ? 201 : 200, written(c, w), decoded.warnings());
  }

  private void patch(Call c) throws IOException {
    ResourcePath p = c.path();
    if (p.name() == null) {
      throw notAllowed();
    }
    verb(c, "patch");
    FieldValidation directive = FieldValidation.parse(c.query().get("fieldValidation"), "PatchOptions");
    PatchBody body = PatchBody.of(c.contentType(), c.body(), c.resource());
    if (body.type() == PatchBody.Type.APPLY && c.query().getOrDefault("fieldManager", "").isEmpty()) {
      throw ApiException.invalid("meta.k8s.io", "PatchOptions", "", List.of(
          io.podidentity.kubesim.api.FieldError.required("fieldManager", "is required for apply patch")));
    }
    List<String> warnings = new ArrayList<>();
    Registry.Written w = registry.patch(c.resource(), p.objectNamespace(), p.name(), p.subresource(), body, directive,
        warnings, dryRun(c, "PatchOptions"));
    Responder.json(c.ex(), w.created() ? 201 : 200, written(c, w), warnings);
  }

  /** The answer to a write; one that deleted the object answers as a DELETE would. */
  private JsonObject written(Call c, Registry.Written w) {
    if (w.deleted() && !c.resource().strategy().returnsDeletedObject()) {
      return Responder.success(c.path().name(), c.resource().type().group(), c.resource().type().plural(),
          Meta.uid(w.object()));
    }
    return renderer.object(c.resource(), w.object(), c.rep());
  }

  private void delete(Call c) throws IOException {
    ResourcePath p = c.path();
    if (p.subresource() != null) {
      throw notAllowed();
    }
    DeleteRequest options = DeleteRequest.read(c.body(), c.contentType(), c.query());
    if (p.name() == null) {
      verb(c, "deletecollection");
      List<JsonObject> deleted = registry.deleteCollection(c.resource(), p.namespace(), ListOptions.parse(c.query(), false),
          options.gracePeriodSeconds(), dryRun(c, "DeleteOptions"));
      JsonObject list = new JsonObject();
      list.addProperty("kind", c.resource().type().listKind());
      list.addProperty("apiVersion", c.resource().type().apiVersion());
      list.add("metadata", new JsonObject());
      JsonArray items = new JsonArray();
      deleted.forEach(items::add);
      list.add("items", items);
      Responder.json(c.ex(), 200, list);
      return;
    }
    verb(c, "delete");
    Registry.Deleted d = registry.delete(c.resource(), p.objectNamespace(), p.name(), options.gracePeriodSeconds(),
        options.uid(), options.resourceVersion(), dryRun(c, "DeleteOptions"));
    JsonObject body = d.gone() && !c.resource().strategy().returnsDeletedObject()
        ? Responder.success(p.name(), c.resource().type().group(), c.resource().type().plural(), Meta.uid(d.object()))
        : renderer.object(c.resource(), d.object(), c.rep());
    Responder.json(c.ex(), 200, body);
  }

  /** The {@code dryRun} option: "All" or nothing, as the options validation allows. */
  private static boolean dryRun(Call c, String optionsKind) {
    String value = c.query().getOrDefault("dryRun", "");
    if (value.isEmpty()) {
      return false;
    }
    if (!value.equals("All")) {
      throw ApiException.invalid("meta.k8s.io", optionsKind, "", List.of(io.podidentity.kubesim.api.FieldError
          .notSupported("dryRun", new com.google.gson.JsonPrimitive(value), List.of("All"))));
    }
    return true;
  }

  private void verb(Call c, String verb) {
    ResourcePath p = c.path();
    String agent = c.ex().getRequestHeaders().getFirst("User-Agent");
    counters.record(new ApiAccess(agent == null ? "" : agent, verb, p.resource().type().group(),
        p.resource().type().plural(), p.subresource() == null ? "" : p.subresource(), p.objectNamespace(),
        p.name() == null ? "" : p.name()));
    var sub = c.path().subresource() == null ? null : c.resource().type().subresource(c.path().subresource());
    List<String> verbs = sub == null ? c.resource().type().verbs() : sub.verbs();
    if (!verbs.contains(verb) && !(verb.equals("watch") && verbs.contains("watch"))) {
      throw notAllowed();
    }
  }

  static ApiException notAllowed() {
    return new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
        new ApiException.Details(null, null, null, null, List.of(), null));
  }

  /** Go's strconv.ParseBool, as query booleans are read. */
  static boolean isTrue(String value) {
    return value != null && switch (value) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      default -> false;
    };
  }
}
