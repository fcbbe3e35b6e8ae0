package io.podidentity.mic.config;

import java.util.Map;

/**
 * The original MIC's environment variables and the keys they set: its namespace, namespaced mode, the custom cloud
 * file, and the cloud configuration used when no {@code --cloudconfig} is given (manifests fill these from Secret
 * {@code aadpodidentity-admin-secret}).
 */
public final class MicEnvironment {
  public static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("MIC_POD_NAMESPACE", "mic.pod-namespace"),
      Map.entry("FORCENAMESPACED", "mic.force-namespaced"),
      Map.entry("CLOUD", "mic.azure.cloud"),
      Map.entry("TENANT_ID", "mic.azure.tenant-id"),
      Map.entry("CLIENT_ID", "mic.azure.client-id"),
      Map.entry("CLIENT_SECRET", "mic.azure.client-secret"),
      Map.entry("SUBSCRIPTION_ID", "mic.azure.subscription-id"),
      Map.entry("RESOURCE_GROUP", "mic.azure.resource-group"),
      Map.entry("VM_TYPE", "mic.azure.vm-type"),
      Map.entry("USE_MSI", "mic.azure.use-msi"),
      Map.entry("USER_ASSIGNED_MSI_CLIENT_ID", "mic.azure.user-assigned-msi-client-id"),
      Map.entry("AZURE_ENVIRONMENT_FILEPATH", "mic.azure.environment-file"));

  private MicEnvironment() {}
}
