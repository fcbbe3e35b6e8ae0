package io.podidentity.azuresim.aad;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.http.SimResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * An Azure AD error as the token endpoint returns it: OAuth {@code error}, an {@code error_description} that starts
 * with {@code AADSTSnnnnnn:} and ends with trace id, correlation id and timestamp, plus {@code error_codes},
 * {@code timestamp}, {@code trace_id}, {@code correlation_id} and {@code error_uri}. Wording follows what Azure AD
 * returns for each code (checked against error texts users reported).
 */
public record AadError(int status, String error, int code, String message) {
  private static final String CERTIFICATE_DOCS =
      "https://learn.microsoft.com/entra/identity-platform/certificate-credentials";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  public static AadError tenantNotFound(String tenant) {
    return new AadError(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you "
        + "have the correct tenant ID and are signing into the correct cloud. Check with your subscription "
        + "administrator, this may happen if there are no active subscriptions for the tenant.");
  }

  /** The same condition on a discovery endpoint, which answers with {@code invalid_tenant}. */
  public static AadError tenantNotFoundOnDiscovery(String tenant) {
    AadError e = tenantNotFound(tenant);
    return new AadError(400, "invalid_tenant", e.code(), e.message());
  }

  public static AadError missingParameter(String name) {
    return new AadError(400, "invalid_request", 900144,
        "The request body must contain the following parameter: '" + name + "'.");
  }

  public static AadError unsupportedGrantType(String grantType) {
    return new AadError(400, "unsupported_grant_type", 70003,
        "The app requested an unsupported grant type '" + grantType + "'.");
  }

  public static AadError applicationNotFound(String clientId, String tenant) {
    return new AadError(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
        + "' was not found in the directory '" + tenant + "'. This can happen if the application has not been "
        + "installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent "
        + "your authentication request to the wrong tenant.");
  }

  public static AadError invalidSecret(String clientId) {
    return new AadError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being "
        + "sent in the request is the client secret value, not the client secret ID, for a secret added to app '"
        + clientId + "'.");
  }

  public static AadError noCredential() {
    return new AadError(401, "invalid_client", 7000216,
        "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
  }

  public static AadError assertionExpired(Instant now, Instant notBefore, Instant expires) {
    return new AadError(401, "invalid_client", 700024, "Client assertion is not within its valid time range. "
        + "Current time: " + now + ", assertion valid from " + notBefore + ", expiry time of assertion " + expires
        + ". Review the documentation at " + CERTIFICATE_DOCS + " .");
  }

  public static AadError assertionAudience() {
    return new AadError(401, "invalid_client", 700023, "Client assertion audience claim does not match Realm "
        + "issuer. Review the documentation at " + CERTIFICATE_DOCS + " .");
  }

  public static AadError certificateNotRegistered(String thumbprint, String clientId) {
    return new AadError(401, "invalid_client", 700027, "The certificate with identifier used to sign the client "
        + "assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by "
        + "client: '" + thumbprint + "', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to "
        + "see configured keys for app Id '" + clientId + "'. Review the documentation at "
        + "https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and "
        + "https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query "
        + "request URL, such as 'https://graph.microsoft.com/beta/applications/" + clientId + "']");
  }

  public static AadError invalidAssertionSignature(String thumbprint) {
    return new AadError(401, "invalid_client", 700027, "Client assertion contains an invalid signature. [Reason - "
        + "The provided signature value did not match the expected signature value., Thumbprint of key used by "
        + "client: '" + thumbprint + "']");
  }

  public static AadError malformedAssertion() {
    return new AadError(401, "invalid_client", 50027, "JWT token is invalid or malformed.");
  }

  public static AadError noMatchingFederatedCredential(String issuer, String subject, String audience) {
    return new AadError(400, "invalid_request", 70021, "No matching federated identity record found for presented "
        + "assertion. Assertion Issuer: '" + issuer + "'. Assertion Subject: '" + subject + "'. Assertion Audience: '"
        + audience + "'. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation");
  }

  public static AadError federatedSignature() {
    return new AadError(400, "invalid_request", 50013,
        "Assertion failed signature validation. [Reason - The key was not found.]");
  }

  public static AadError externalOidcEndpointFailed(String issuer) {
    return new AadError(400, "invalid_request", 50166,
        "Request to External OIDC endpoint failed. Issuer: '" + issuer + "'.");
  }

  public static AadError resourceNotFound(String resource, String tenant) {
    return new AadError(400, "invalid_resource", 500011, "The resource principal named " + resource + " was not "
        + "found in the tenant named " + tenant + ". This can happen if the application has not been installed by the "
        + "administrator of the tenant or consented to by any user in the tenant. You might have sent your "
        + "authentication request to the wrong tenant.");
  }

  public static AadError invalidScope(String scope) {
    return new AadError(400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not valid. "
        + "Client credential flows must have a scope value with /.default suffixed to the resource identifier "
        + "(application ID URI).");
  }

  /** The JSON body Azure AD sends, stamped with a fresh trace and correlation id. */
  public JsonObject body(Instant now) {
    String trace = UUID.randomUUID().toString();
    String correlation = UUID.randomUUID().toString();
    String timestamp = TIMESTAMP.format(now);
    JsonObject body = new JsonObject();
    body.addProperty("error", error);
    body.addProperty("error_description", "AADSTS" + code + ": " + message + "\r\nTrace ID: " + trace
        + "\r\nCorrelation ID: " + correlation + "\r\nTimestamp: " + timestamp);
    body.add("error_codes", Json.array(List.of(code)));
    body.addProperty("timestamp", timestamp);
    body.addProperty("trace_id", trace);
    body.addProperty("correlation_id", correlation);
    body.addProperty("error_uri", "https://login.microsoftonline.com/error?code=" + code);
    return body;
  }

  public SimResponse response(Instant now) {
    return SimResponse.json(status, body(now)).withHeader("Cache-Control", "no-store, no-cache")
        .withHeader("Pragma", "no-cache");
  }
}
