package io.podidentity.azuresim.aad;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.control.Counters;
import io.podidentity.azuresim.http.PathParams;
import io.podidentity.azuresim.http.QueryString;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.world.Tenant;
import io.podidentity.azuresim.world.World;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token} ({@code scope}) and {@code POST /{tenant}/oauth2/token} ({@code resource})
 * for the {@code client_credentials} grant. v2 answers {@code expires_in} as a number; v1 answers every value as a
 * string and adds {@code expires_on}, {@code not_before} and {@code resource}, as the real endpoints do.
 */
public final class TokenEndpoint {
  private final World world;
  private final ClientAuthenticator authenticator;
  private final ResourceCatalog resources;
  private final AccessTokenIssuer issuer;
  private final AadSettings settings;
  private final Counters counters;
  private final Clock clock;

  public TokenEndpoint(World world, ClientAuthenticator authenticator, AccessTokenIssuer issuer, AadSettings settings,
      Counters counters, Clock clock) {
    this.world = world;
    this.authenticator = authenticator;
    this.resources = new ResourceCatalog(world);
    this.issuer = issuer;
    this.settings = settings;
    this.counters = counters;
    this.clock = clock;
  }

  public SimResponse v2(SimRequest request, PathParams params) {
    return correlated(request, token(request, params.get("tenant"), true));
  }

  public SimResponse v1(SimRequest request, PathParams params) {
    return correlated(request, token(request, params.get("tenant"), false));
  }

  /**
   * Azure AD names every answer with {@code x-ms-request-id} and, when asked with {@code return-client-request-id:
   * true}, echoes the caller's {@code client-request-id} (MSAL checks it), successes and errors alike.
   */
  private static SimResponse correlated(SimRequest request, SimResponse response) {
    SimResponse named = response.withHeader("x-ms-request-id", UUID.randomUUID().toString());
    Optional<String> id = request.header("client-request-id");
    boolean echo = request.header("return-client-request-id").filter("true"::equalsIgnoreCase).isPresent();
    return id.isPresent() && echo ? named.withHeader("client-request-id", id.get()) : named;
  }

  private SimResponse token(SimRequest request, String tenantSegment, boolean v2) {
    Map<String, String> form = new HashMap<>();
    QueryString.parse(request.bodyText()).forEach((k, v) -> form.put(k, v.get(0)));
    Optional<Tenant> tenant = world.directory().tenant(tenantSegment);
    if (tenant.isEmpty()) {
      return fail(AadError.tenantNotFound(tenantSegment));
    }
    String grantType = form.get("grant_type");
    if (grantType == null) {
      return fail(AadError.missingParameter("grant_type"));
    }
    if (!"client_credentials".equals(grantType)) {
      return fail(AadError.unsupportedGrantType(grantType));
    }
    Set<String> endpoints = tokenEndpoints(request, tenantSegment, tenant.get().id());
    ClientAuthOutcome outcome = authenticator.authenticate(tenant.get().id(), form, request.header("authorization"),
        endpoints);
    return switch (outcome) {
      case ClientAuthOutcome.Rejected r -> fail(r.error());
      case ClientAuthOutcome.Authenticated a -> issue(a.subject(), form, tenant.get(), v2);
    };
  }

  private SimResponse issue(TokenSubject subject, Map<String, String> form, Tenant tenant, boolean v2) {
    Optional<String> resource;
    if (v2) {
      String scope = form.get("scope");
      if (scope == null) {
        return fail(AadError.missingParameter("scope"));
      }
      Optional<String> dflt = Arrays.stream(scope.trim().split("\\s+")).filter(s -> s.endsWith("/.default"))
          .findFirst();
      if (dflt.isEmpty()) {
        return fail(AadError.invalidScope(scope));
      }
      resource = dflt.map(s -> s.substring(0, s.length() - "/.default".length()));
    } else {
      resource = Optional.ofNullable(form.get("resource"));
      if (resource.isEmpty()) {
        return fail(AadError.missingParameter("resource"));
      }
    }
    Optional<TokenAudience> audience = resources.resolve(resource.get(), tenant.id());
    if (audience.isEmpty()) {
      return fail(AadError.resourceNotFound(resource.get(), tenant.id()));
    }
    IssuedToken token = issuer.issue(subject, audience.get(), settings.appTokenLifetime());
    return SimResponse.json(200, v2 ? v2Body(token) : v1Body(token))
        .withHeader("Cache-Control", "no-store, no-cache").withHeader("Pragma", "no-cache");
  }

  private static JsonObject v2Body(IssuedToken token) {
    JsonObject body = new JsonObject();
    body.addProperty("token_type", "Bearer");
    body.addProperty("expires_in", token.expiresInSeconds());
    body.addProperty("ext_expires_in", token.expiresInSeconds());
    body.addProperty("access_token", token.accessToken());
    return body;
  }

  private static JsonObject v1Body(IssuedToken token) {
    JsonObject body = new JsonObject();
    body.addProperty("token_type", "Bearer");
    body.addProperty("expires_in", Long.toString(token.expiresInSeconds()));
    body.addProperty("ext_expires_in", Long.toString(token.expiresInSeconds()));
    body.addProperty("expires_on", Long.toString(token.expiresOn().getEpochSecond()));
    body.addProperty("not_before", Long.toString(token.notBefore().getEpochSecond()));
    body.addProperty("resource", token.audience().resource());
    body.addProperty("access_token", token.accessToken());
    return body;
  }

  /** The token endpoint URLs a certificate assertion may be addressed to, as seen through the request's host. */
  private static Set<String> tokenEndpoints(SimRequest request, String segment, String tenantId) {
    String base = "https://" + request.header("host").orElse("localhost");
    Set<String> urls = new LinkedHashSet<>();
    for (String t : List.of(segment, tenantId)) {
      urls.add(base + "/" + t + "/oauth2/v2.0/token");
      urls.add(base + "/" + t + "/oauth2/token");
    }
    return urls;
  }

  private SimResponse fail(AadError error) {
    counters.increment("aad_token_error");
    return error.response(clock.instant());
  }
}
