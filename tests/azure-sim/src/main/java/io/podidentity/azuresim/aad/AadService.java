package io.podidentity.azuresim.aad;

import io.podidentity.azuresim.http.Router;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;

/** The routes of the simulated Azure AD (the authority host) and the operation names they count under. */
public final class AadService {
  private AadService() {}

  public static Router router(TokenEndpoint tokens, DiscoveryDocuments discovery) {
    return new Router()
        .add("POST", "/{tenant}/oauth2/v2.0/token", "aad_token", tokens::v2)
        .add("POST", "/{tenant}/oauth2/token", "aad_token_v1", tokens::v1)
        .add("GET", "/common/discovery/instance", "aad_instance_discovery", discovery::instanceDiscovery)
        .add("GET", "/{tenant}/discovery/v2.0/keys", "aad_keys", discovery::keys)
        .add("GET", "/{tenant}/discovery/keys", "aad_keys", discovery::keys)
        .add("GET", "/{tenant}/v2.0/.well-known/openid-configuration", "aad_openid_configuration",
            discovery::openIdV2)
        .add("GET", "/{tenant}/.well-known/openid-configuration", "aad_openid_configuration", discovery::openIdV1);
  }

  /** Azure AD answers unknown paths with 404 and an HTML page; a short text stands in for the page. */
  public static SimResponse notFound(SimRequest request) {
    return SimResponse.text(404, "text/html; charset=utf-8", "<html><body>404 Not Found</body></html>");
  }
}
