package io.podidentity.azuresim.aad;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.http.PathParams;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.jwt.TokenSigner;
import io.podidentity.azuresim.world.Tenant;
import io.podidentity.azuresim.world.World;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metadata endpoints Azure AD clients read: OpenID configuration (v1 and v2), the signing keys, and the
 * instance discovery document MSAL fetches unless instance discovery is turned off. Endpoint URLs point back at the
 * simulator (through the host the client used); issuers are the real Azure AD values the tokens carry.
 */
public final class DiscoveryDocuments {
  private static final Set<String> MULTI_TENANT = Set.of("common", "organizations", "consumers");

  private final World world;
  private final TokenSigner signer;
  private final Clock clock;

  public DiscoveryDocuments(World world, TokenSigner signer, Clock clock) {
    this.world = world;
    this.signer = signer;
    this.clock = clock;
  }

  public SimResponse openIdV2(SimRequest request, PathParams params) {
    return issuerTenant(params.get("tenant")).map(t -> {
      String base = base(request) + "/" + params.get("tenant");
      JsonObject doc = common(base, base + "/discovery/v2.0/keys", "/oauth2/v2.0");
      doc.addProperty("issuer", AccessTokenIssuer.v2Issuer(t));
      return SimResponse.json(200, doc);
    }).orElseGet(() -> unknownTenant(params.get("tenant")));
  }

  public SimResponse openIdV1(SimRequest request, PathParams params) {
    return issuerTenant(params.get("tenant")).map(t -> {
      String base = base(request) + "/" + params.get("tenant");
      JsonObject doc = common(base, base(request) + "/common/discovery/keys", "/oauth2");
      doc.addProperty("issuer", AccessTokenIssuer.v1Issuer(t));
      return SimResponse.json(200, doc);
    }).orElseGet(() -> unknownTenant(params.get("tenant")));
  }

  public SimResponse keys(SimRequest request, PathParams params) {
    return SimResponse.json(200, Json.object(Map.of("keys", List.of(signer.jwk(null)))));
  }

  /** The answer MSAL expects from {@code /common/discovery/instance}: the authority host is its own alias. */
  public SimResponse instanceDiscovery(SimRequest request, PathParams params) {
    String host = request.header("host").orElse("localhost");
    String authorize = request.queryParam("authorization_endpoint").orElse("https://" + host + "/common");
    String tenant = authorize.replaceFirst("^https://[^/]+/", "").replaceFirst("/.*$", "");
    JsonObject doc = new JsonObject();
    doc.addProperty("tenant_discovery_endpoint",
        "https://" + host + "/" + tenant + "/v2.0/.well-known/openid-configuration");
    doc.addProperty("api-version", "1.1");
    doc.add("metadata", Json.array(List.of(Map.of("preferred_network", host, "preferred_cache", host,
        "aliases", List.of(host)))));
    return SimResponse.json(200, doc);
  }

  private JsonObject common(String base, String jwksUri, String oauthPath) {
    JsonObject doc = new JsonObject();
    doc.addProperty("token_endpoint", base + oauthPath + "/token");
    doc.add("token_endpoint_auth_methods_supported",
        Json.array(List.of("client_secret_post", "private_key_jwt", "client_secret_basic")));
    doc.addProperty("jwks_uri", jwksUri);
    doc.add("response_modes_supported", Json.array(List.of("query", "fragment", "form_post")));
    doc.add("subject_types_supported", Json.array(List.of("pairwise")));
    doc.add("id_token_signing_alg_values_supported", Json.array(List.of("RS256")));
    doc.add("response_types_supported", Json.array(List.of("code", "id_token", "code id_token", "token id_token",
        "token")));
    doc.add("scopes_supported", Json.array(List.of("openid", "profile", "email", "offline_access")));
    doc.addProperty("authorization_endpoint", base + oauthPath + "/authorize");
    doc.addProperty("device_authorization_endpoint", base + oauthPath + "/devicecode");
    doc.addProperty("tenant_region_scope", "EU");
    doc.addProperty("cloud_instance_name", "microsoftonline.com");
    doc.addProperty("cloud_graph_host_name", "graph.windows.net");
    doc.addProperty("msgraph_host", "graph.microsoft.com");
    doc.addProperty("rbac_url", "https://pas.windows.net");
    return doc;
  }

  /**
   * The tenant part of the issuer: the tenant's id, or for the multi-tenant aliases the literal {@code {tenantid}}
   * placeholder Azure AD puts in their documents.
   */
  private Optional<String> issuerTenant(String segment) {
    if (MULTI_TENANT.contains(segment.toLowerCase(Locale.ROOT))) {
      return Optional.of("{tenantid}");
    }
    return world.directory().tenant(segment).map(Tenant::id);
  }

  private SimResponse unknownTenant(String segment) {
    return AadError.tenantNotFoundOnDiscovery(segment).response(clock.instant());
  }

  private static String base(SimRequest request) {
    return "https://" + request.header("host").orElse("localhost");
  }
}
