package io.podidentity.azuresim.arm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.SimResponse;
import java.util.List;

/**
 * ARM's error responses: {@code {"error":{"code":..., "message":...}}} with the status, code and message wording ARM
 * and the Compute and Managed Identity providers use. Messages were checked against errors users reported.
 */
public final class ArmError {
  private ArmError() {}

  public static SimResponse of(int status, String code, String message) {
    return of(status, code, message, null, null);
  }

  public static SimResponse of(int status, String code, String message, String target, JsonArray details) {
    JsonObject error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", message);
    if (target != null) {
      error.addProperty("target", target);
    }
    if (details != null) {
      error.add("details", details);
    }
    JsonObject body = new JsonObject();
    body.add("error", error);
    return SimResponse.json(status, body);
  }

  public static SimResponse missingApiVersion() {
    return of(400, "MissingApiVersionParameter",
        "The api-version query parameter (?api-version=) is required for all requests.");
  }

  public static SimResponse invalidApiVersion(String version, List<String> supported) {
    return of(400, "InvalidApiVersionParameter", "The api-version '" + version + "' is invalid. The supported "
        + "versions are '" + String.join(",", supported.reversed()) + "'.");
  }

  public static SimResponse noRegisteredProvider(String location, String version, String type,
      List<String> supported) {
    return of(400, "NoRegisteredProviderFound", "No registered resource provider found for location '" + location
        + "' and API version '" + version + "' for type '" + type + "'. The supported api-versions are '"
        + String.join(", ", supported) + "'. The supported locations are '" + location + "'.");
  }

  public static SimResponse subscriptionNotFound(String subscriptionId) {
    return of(404, "SubscriptionNotFound", "The subscription '" + subscriptionId + "' could not be found.");
  }

  public static SimResponse resourceGroupNotFound(String name) {
    return of(404, "ResourceGroupNotFound", "Resource group '" + name + "' could not be found.");
  }

  public static SimResponse resourceNotFound(String fullType, String name, String resourceGroup) {
    return of(404, "ResourceNotFound", "The Resource '" + fullType + "/" + name + "' under resource group '"
        + resourceGroup + "' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");
  }

  public static SimResponse authorizationFailed(Caller caller, String action, String scope) {
    return of(403, "AuthorizationFailed", "The client '" + caller.appId() + "' with object id '" + caller.objectId()
        + "' does not have authorization to perform action '" + action + "' over scope '" + scope
        + "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
  }

  public static SimResponse linkedAuthorizationFailed(Caller caller, String action, String scope,
      String linkedAction, List<String> linkedScopes) {
    return of(403, "LinkedAuthorizationFailed", "The client '" + caller.appId() + "' with object id '"
        + caller.objectId() + "' has permission to perform action '" + action + "' on scope '" + scope
        + "'; however, it does not have permission to perform action '" + linkedAction + "' on the linked scope(s) '"
        + String.join(",", linkedScopes) + "' or the linked scope(s) are invalid.");
  }

  /**
   * The Compute provider's wrapper around a failure of the managed identity service, e.g. an identity that does not
   * exist ({@code Resource '...' was not found.}) or too many identities in one request.
   */
  public static SimResponse failedIdentityOperation(String resourceId, String innerMessage) {
    String inner = "{\"error\":{\"code\":\"BadRequest\",\"message\":\"" + innerMessage.replace("\"", "\\\"") + "\"}}";
    return of(400, "FailedIdentityOperation", "Identity operation for resource '" + resourceId + "' failed with "
        + "error 'Failed to perform resource identity operation. Status: 'BadRequest'. Response: '" + inner + "'.'.");
  }

  public static SimResponse invalidParameter(String message, String target) {
    return of(400, "InvalidParameter", message, target, null);
  }

  public static SimResponse invalidRequestContent(String detail) {
    return of(400, "InvalidRequestContent",
        "The request content was invalid and could not be deserialized: '" + detail + "'.");
  }

  public static SimResponse linkedInvalidPropertyId(String id, String path) {
    return of(400, "LinkedInvalidPropertyId", "Property id '" + id + "' at path '" + path + "' is invalid. Expect "
        + "fully qualified resource Id that start with '/subscriptions/{subscriptionId}' or "
        + "'/providers/{resourceProviderNamespace}/'.");
  }

  public static SimResponse markedForDeletion(String operation, String kind, String name) {
    return of(409, "OperationNotAllowed", "Operation '" + operation + "' is not allowed on " + kind + " '" + name
        + "' since the " + kind + " is marked for deletion. You can only retry the Delete operation (or wait for an "
        + "ongoing one to complete).");
  }
}
