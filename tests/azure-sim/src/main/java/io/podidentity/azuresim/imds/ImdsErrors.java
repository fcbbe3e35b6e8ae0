package io.podidentity.azuresim.imds;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.http.SimResponse;
import java.util.Map;

/**
 * IMDS's error bodies. The identity category answers OAuth-style {@code error}/{@code error_description}; the other
 * categories answer a single {@code error} string. Texts are the ones IMDS returns (as reported by users and mirrored
 * by other IMDS emulators); the 429 and leaf-format texts are not documented and are the simulator's.
 */
public final class ImdsErrors {
  private ImdsErrors() {}

  public static SimResponse identity(int status, String error, String description) {
    JsonObject body = new JsonObject();
    body.addProperty("error", error);
    body.addProperty("error_description", description);
    return SimResponse.json(status, body);
  }

  public static SimResponse metadataHeaderRequired() {
    return identity(400, "invalid_request", "Required metadata header not specified");
  }

  public static SimResponse missingQueryVariable(String name) {
    return identity(400, "invalid_request", "Required query variable '" + name + "' is missing");
  }

  public static SimResponse invalidApiVersion() {
    return identity(400, "invalid_request", "Invalid 'api-version' requested");
  }

  public static SimResponse identityNotFound() {
    return identity(400, "invalid_request", "Identity not found");
  }

  public static SimResponse multipleIdentities() {
    return identity(400, "invalid_request", "Multiple user assigned identities exist, please specify the clientId / "
        + "resourceId of the identity in the token request");
  }

  public static SimResponse identityThrottled() {
    return identity(429, "too_many_requests", "Too many requests");
  }

  public static SimResponse instance(int status, String error) {
    return SimResponse.json(status, Json.object(Map.of("error", error)));
  }

  public static SimResponse instanceThrottled() {
    return instance(429, "Too many requests");
  }

  public static SimResponse instanceHeaderRequired() {
    return instance(400, "Bad request. Required metadata header not specified");
  }

  public static SimResponse instanceApiVersion() {
    JsonObject body = new JsonObject();
    body.addProperty("error", "Bad request. api-version is invalid or was not specified in the request. For more "
        + "information refer to aka.ms/azureimds");
    body.add("newest-versions", Json.array(ImdsVersions.NEWEST));
    return SimResponse.json(400, body);
  }

  public static SimResponse notFound(String path, String method) {
    return instance(404, "API not found: Path = \"" + path + "\", Method = \"" + method + "\"");
  }

  public static SimResponse methodNotAllowed(String path, String method) {
    return instance(405, "Http method not allowed: Path = \"" + path + "\", Method = \"" + method + "\"");
  }
}
