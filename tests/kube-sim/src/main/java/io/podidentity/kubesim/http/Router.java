package io.podidentity.kubesim.http;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.registry.ApiResources;
import io.podidentity.kubesim.token.ServiceAccountTokens;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Dispatches every request by path: version and health, discovery, OpenAPI, the service-account issuer's OIDC
 * documents, and the resource URLs. Every failure becomes a {@code Status}; the bearer token, when the simulator
 * has one, is required on API paths.
 */
final class Router implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(Router.class.getName());
  private static final String AGGREGATED = "APIGroupDiscoveryList";

  private final ApiResources resources;
  private final DiscoveryDocuments discovery;
  private final AggregatedDiscovery aggregatedDiscovery;
  private final OpenApiDocuments openApi;
  private final ResourceHandler resourceHandler;
  private final ServiceAccountTokens tokens;
  private final String bearerToken;
  private final Supplier<String> baseUrl;

  Router(ApiResources resources, ResourceHandler resourceHandler, ServiceAccountTokens tokens, String bearerToken,
      Supplier<String> baseUrl) {
    this.resources = resources;
    this.discovery = new DiscoveryDocuments(resources);
    this.aggregatedDiscovery = new AggregatedDiscovery(resources);
    this.openApi = new OpenApiDocuments(resources);
    this.resourceHandler = resourceHandler;
    this.tokens = tokens;
    this.bearerToken = bearerToken;
    this.baseUrl = baseUrl;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try {
      route(ex, ex.getRequestURI().getPath(), query(ex.getRequestURI().getRawQuery()));
    } catch (ApiException e) {
      respondSafely(ex, e);
    } catch (NumberFormatException e) {
      respondSafely(ex, ApiException.badRequest(e.getMessage()));
    } catch (RuntimeException | LinkageError | AssertionError e) {
      LOG.log(Level.WARNING, "failed request method=" + ex.getRequestMethod() + " path=" + ex.getRequestURI(), e);
      respondSafely(ex, ApiException.internal(String.valueOf(e.getMessage())));
    } finally {
      ex.close();
    }
  }

  private void route(HttpExchange ex, String path, Map<String, String> query) throws IOException {
    switch (path) {
      case "/version" -> Responder.json(ex, 200, Version.json());
      case "/healthz", "/livez", "/readyz" -> Responder.send(ex, 200, "text/plain; charset=utf-8",
          "ok".getBytes(StandardCharsets.UTF_8), List.of());
      case "/.well-known/openid-configuration" ->
          Responder.json(ex, 200, tokens.openIdConfiguration(baseUrl.get() + "/openid/v1/jwks"));
      case "/openid/v1/jwks" -> Responder.send(ex, 200, "application/jwk-set+json",
          io.podidentity.kubesim.json.JsonTree.write(tokens.jwks()).getBytes(StandardCharsets.UTF_8), List.of());
      default -> api(ex, path, query);
    }
  }

  private void api(HttpExchange ex, String path, Map<String, String> query) throws IOException {
    authorize(ex);
    String[] s = path.replaceAll("^/+|/+$", "").split("/");
    if (path.startsWith("/openapi/")) {
      openApi(ex, path);
    } else if (s.length == 1 && (s[0].equals("api") || s[0].equals("apis"))) {
      discoveryRoot(ex, s[0].equals("api"));
    } else if (s.length == 2 && s[0].equals("api")) {
      found(ex, discovery.resourceList("", s[1]));
    } else if (s.length == 2 && s[0].equals("apis")) {
      found(ex, discovery.group(s[1]));
    } else if (s.length == 3 && s[0].equals("apis")) {
      found(ex, discovery.resourceList(s[1], s[2]));
    } else {
      resourceHandler.handle(ex, ResourcePath.parse(path, resources), query);
    }
  }

  private void discoveryRoot(HttpExchange ex, boolean legacy) throws IOException {
    MediaTypes accept = MediaTypes.parse(ex.getRequestHeaders().getFirst("Accept"));
    MediaTypes.Range aggregated = accept.conversion(AGGREGATED, "apidiscovery.k8s.io", List.of("v2", "v2beta1"));
    ex.getResponseHeaders().set("Vary", "Accept");
    if (aggregated != null) {
      String v = aggregated.params().get("v");
      byte[] body = io.podidentity.kubesim.json.JsonTree.write(aggregatedDiscovery.document(legacy, v)).getBytes(StandardCharsets.UTF_8);
      Responder.send(ex, 200, "application/json;g=apidiscovery.k8s.io;v=" + v + ";as=" + AGGREGATED, body, List.of());
      return;
    }
    String host = baseUrl.get().replaceFirst("^https?://", "");
    Responder.json(ex, 200, legacy ? discovery.apiVersions(host) : discovery.groupList());
  }

  private void openApi(HttpExchange ex, String path) throws IOException {
    if (path.equals("/openapi/v2")) {
      String accept = ex.getRequestHeaders().getFirst("Accept");
      if (accept != null && accept.contains(OpenApiV2.PROTOBUF)) {
        Responder.send(ex, 200, OpenApiV2.PROTOBUF_CONTENT_TYPE, OpenApiV2.protobuf(), List.of());
      } else {
        Responder.json(ex, 200, OpenApiV2.json());
      }
      return;
    }
    if (path.equals("/openapi/v3") || path.equals("/openapi/v3/")) {
      Responder.json(ex, 200, openApi.root());
      return;
    }
    OpenApiDocuments.Document doc = path.startsWith("/openapi/v3/") ? openApi.document(path.substring("/openapi/v3/".length())) : null;
    if (doc == null) {
      throw ApiException.pathNotFound();
    }
    ex.getResponseHeaders().set("Etag", "\"" + doc.hash() + "\"");
    ex.getResponseHeaders().set("Cache-Control", "public, immutable");
    Responder.send(ex, 200, "application/json", doc.json().getBytes(StandardCharsets.UTF_8), List.of());
  }

  private void authorize(HttpExchange ex) {
    if (bearerToken == null) {
      return;
    }
    String header = ex.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.equals("Bearer " + bearerToken)) {
      throw ApiException.unauthorized();
    }
  }

  private static void found(HttpExchange ex, JsonObject document) throws IOException {
    if (document == null) {
      throw ApiException.pathNotFound();
    }
    Responder.json(ex, 200, document);
  }

  private static void respondSafely(HttpExchange ex, ApiException e) {
    try {
      Responder.error(ex, e);
    } catch (IOException | RuntimeException ignored) {
      // the response was already under way (a watch) or the client is gone
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(key, value);
    }
    return out;
  }
}
