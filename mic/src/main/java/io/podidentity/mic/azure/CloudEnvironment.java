package io.podidentity.mic.azure;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The endpoints of an Azure cloud, resolved by name as go-autorest did for the original: the four public clouds by
 * name (any letter case; empty means the public cloud), and {@code AzureStackCloud} from the environment file named
 * by {@code AZURE_ENVIRONMENT_FILEPATH}, which makes any ARM-compatible endpoint (the Azure simulator included) just
 * another cloud. The token audience, when the cloud names one, is what ARM tokens are requested for.
 */
public record CloudEnvironment(String name, String resourceManagerEndpoint, String activeDirectoryEndpoint,
    String tokenAudience) {

  public static final String AZURE_STACK = "AzureStackCloud";

  /** The scope to request ARM tokens for. */
  public String armScope() {
    String resource = tokenAudience.isEmpty() ? resourceManagerEndpoint : tokenAudience;
    return resource.endsWith("/") ? resource + ".default" : resource + "/.default";
  }

  /** Whether Azure AD's instance discovery knows this cloud's authority (custom clouds it does not). */
  public boolean wellKnown() {
    return !name.equalsIgnoreCase(AZURE_STACK);
  }

  public static CloudEnvironment named(String cloud, Optional<Path> environmentFile) {
    return switch (cloud.strip().toUpperCase(Locale.ROOT)) {
      case "", "AZURECLOUD", "AZUREPUBLICCLOUD" -> new CloudEnvironment("AzurePublicCloud",
          "https://management.azure.com/", "https://login.microsoftonline.com/", "https://management.azure.com/");
      case "AZUREUSGOVERNMENT", "AZUREUSGOVERNMENTCLOUD" -> new CloudEnvironment("AzureUSGovernmentCloud",
          "https://management.usgovcloudapi.net/", "https://login.microsoftonline.us/",
          "https://management.usgovcloudapi.net/");
      case "AZURECHINACLOUD" -> new CloudEnvironment("AzureChinaCloud", "https://management.chinacloudapi.cn/",
          "https://login.chinacloudapi.cn/", "https://management.chinacloudapi.cn/");
      case "AZUREGERMANCLOUD" -> new CloudEnvironment("AzureGermanCloud", "https://management.microsoftazure.de/",
          "https://login.microsoftonline.de/", "https://management.microsoftazure.de/");
      case "AZURESTACKCLOUD" -> fromFile(environmentFile.orElseThrow(() -> new IllegalArgumentException(
          "cloud AzureStackCloud needs AZURE_ENVIRONMENT_FILEPATH (mic.azure.environment-file)")));
      default -> throw new IllegalArgumentException("no cloud environment matching the name \"" + cloud + "\"");
    };
  }

  /** The go-autorest environment file: JSON with {@code resourceManagerEndpoint}, {@code activeDirectoryEndpoint}, .. */
  static CloudEnvironment fromFile(Path file) {
    try {
      JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
      String arm = text(json, "resourceManagerEndpoint");
      String aad = text(json, "activeDirectoryEndpoint");
      if (arm.isEmpty() || aad.isEmpty()) {
        throw new IllegalArgumentException("environment file " + file
            + " needs resourceManagerEndpoint and activeDirectoryEndpoint");
      }
      return new CloudEnvironment(AZURE_STACK, arm, aad, text(json, "tokenAudience"));
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException("failed to read environment file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonObject json, String field) {
    JsonElement value = json.get(field);
    return value == null || value.isJsonNull() ? "" : value.getAsString().strip();
  }
}
