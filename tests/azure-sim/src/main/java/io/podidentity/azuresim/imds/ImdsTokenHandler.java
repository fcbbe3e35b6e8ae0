package io.podidentity.azuresim.imds;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.aad.AadError;
import io.podidentity.azuresim.aad.AadSettings;
import io.podidentity.azuresim.aad.AccessTokenIssuer;
import io.podidentity.azuresim.aad.IssuedToken;
import io.podidentity.azuresim.aad.ResourceCatalog;
import io.podidentity.azuresim.aad.TokenAudience;
import io.podidentity.azuresim.aad.TokenSubject;
import io.podidentity.azuresim.control.Counters;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.world.MachineIdentity;
import io.podidentity.azuresim.world.MachineRef;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.azuresim.world.World;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code GET /metadata/identity/oauth2/token} of one machine: the {@code Metadata: true} header, a supported
 * {@code api-version} and {@code resource} are required; the identity is chosen among those attached to the VM (or to
 * the scale set of an instance); the answer is the documented JSON with every value a string and a v1-style token
 * ({@code iss = https://sts.windows.net/{tenant}/}) as managed identity tokens are.
 */
public final class ImdsTokenHandler {
  private final World world;
  private final AccessTokenIssuer issuer;
  private final ResourceCatalog resources;
  private final AadSettings settings;
  private final Counters counters;
  private final Clock clock;

  public ImdsTokenHandler(World world, AccessTokenIssuer issuer, AadSettings settings, Counters counters,
      Clock clock) {
    this.world = world;
    this.issuer = issuer;
    this.resources = new ResourceCatalog(world);
    this.settings = settings;
    this.counters = counters;
    this.clock = clock;
  }

  public SimResponse handle(MachineRef machine, SimRequest request) {
    if (!"true".equals(request.header("metadata").orElse(""))) {
      return fail(ImdsErrors.metadataHeaderRequired());
    }
    Optional<String> version = request.queryParam("api-version");
    if (version.isEmpty()) {
      return fail(ImdsErrors.missingQueryVariable("api-version"));
    }
    if (!ImdsVersions.supportsIdentity(version.get())) {
      return fail(ImdsErrors.invalidApiVersion());
    }
    Optional<String> resource = request.queryParam("resource").filter(r -> !r.isBlank());
    if (resource.isEmpty()) {
      return fail(ImdsErrors.missingQueryVariable("resource"));
    }
    Optional<MachineIdentity> identity = world.identityOf(machine);
    if (identity.isEmpty()) {
      return fail(ImdsErrors.identityNotFound());
    }
    IdentityChoice choice = IdentitySelection.choose(identity.get(), machine.resource().toString(),
        request.queryParam("client_id"), request.queryParam("object_id").or(() -> request.queryParam("principal_id")),
        request.queryParam("msi_res_id").or(() -> request.queryParam("mi_res_id")),
        id -> world.identities().get(id).map(UserAssignedIdentity::tenantId));
    return switch (choice) {
      case IdentityChoice.NotFound n -> fail(ImdsErrors.identityNotFound());
      case IdentityChoice.Ambiguous a -> fail(ImdsErrors.multipleIdentities());
      case IdentityChoice.Chosen c -> issue(machine, c, stripDefault(resource.get()));
    };
  }

  private SimResponse issue(MachineRef machine, IdentityChoice.Chosen chosen, String resource) {
    Optional<TokenAudience> audience = resources.resolve(resource, chosen.tenantId());
    if (audience.isEmpty()) {
      return fail(SimResponse.json(400, AadError.resourceNotFound(resource, chosen.tenantId()).body(clock.instant())));
    }
    TokenSubject subject = new TokenSubject(chosen.tenantId(), chosen.principalId(), chosen.clientId(), "2",
        chosen.managedIdentityResourceId(), machine.resource().toString());
    IssuedToken token = issuer.issue(subject, new TokenAudience(audience.get().audience(), resource, 1),
        settings.managedIdentityTokenLifetime());
    JsonObject body = new JsonObject();
    body.addProperty("access_token", token.accessToken());
    body.addProperty("client_id", chosen.clientId());
    body.addProperty("expires_in", Long.toString(token.expiresInSeconds()));
    body.addProperty("expires_on", Long.toString(token.expiresOn().getEpochSecond()));
    body.addProperty("ext_expires_in", Long.toString(token.expiresInSeconds()));
    body.addProperty("not_before", Long.toString(token.notBefore().getEpochSecond()));
    body.addProperty("resource", resource);
    body.addProperty("token_type", "Bearer");
    return SimResponse.json(200, body);
  }

  /** MSAL strips {@code /.default} before calling IMDS; a raw caller may not. */
  private static String stripDefault(String resource) {
    return resource.endsWith("/.default") ? resource.substring(0, resource.length() - "/.default".length())
        : resource;
  }

  private SimResponse fail(SimResponse response) {
    counters.increment("imds_token_error");
    return response;
  }
}
