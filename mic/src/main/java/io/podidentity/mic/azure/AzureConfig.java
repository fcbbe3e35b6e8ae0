package io.podidentity.mic.azure;

import io.podidentity.common.model.Redaction;
import java.util.Objects;

/**
 * The cloud configuration the original read from azure.json ({@code --cloudconfig}) or, without it, from the
 * environment variables {@code CLOUD}, {@code TENANT_ID}, {@code CLIENT_ID}, ... Field names follow azure.json. The
 * secret never appears in {@link #toString()} and the client IDs are redacted.
 *
 * @param userAssignedIdentityId with {@code useManagedIdentityExtension}: the client ID of the user-assigned identity
 *     MIC authenticates with (the cluster identity, which MIC never detaches); empty for the system-assigned one
 * @param vmType read for compatibility; the original did not use it either
 */
public record AzureConfig(
    String cloud,
    String tenantId,
    String aadClientId,
    String aadClientSecret,
    String subscriptionId,
    String resourceGroup,
    String vmType,
    boolean useManagedIdentityExtension,
    String userAssignedIdentityId) {

  public AzureConfig {
    cloud = orEmpty(cloud);
    tenantId = orEmpty(tenantId);
    aadClientId = orEmpty(aadClientId);
    aadClientSecret = orEmpty(aadClientSecret);
    subscriptionId = orEmpty(subscriptionId);
    resourceGroup = orEmpty(resourceGroup);
    vmType = orEmpty(vmType);
    userAssignedIdentityId = orEmpty(userAssignedIdentityId);
  }

  /** How MIC authenticates to ARM with this configuration. */
  public String authenticationMode() {
    if (!useManagedIdentityExtension) {
      return "service principal " + Redaction.clientId(aadClientId);
    }
    return userAssignedIdentityId.isEmpty() ? "system-assigned managed identity"
        : "user-assigned managed identity " + Redaction.clientId(userAssignedIdentityId);
  }

  @Override
  public String toString() {
    return "AzureConfig[cloud=" + cloud + ", tenantId=" + tenantId + ", auth=" + authenticationMode()
        + ", subscriptionId=" + subscriptionId + ", resourceGroup=" + resourceGroup + "]";
  }

  private static String orEmpty(String value) {
    return Objects.requireNonNullElse(value, "").strip();
  }
}
