package io.podidentity.mic.azure;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads azure.json, the cloud provider configuration file AKS and aks-engine write on every node ({@code
 * --cloudconfig}), taking the fields the original read by their exact names and ignoring the rest.
 */
public final class AzureConfigFile {
  private AzureConfigFile() {}

  /** The configuration in {@code file}; {@link IllegalArgumentException} names the file and what is wrong. */
  public static AzureConfig read(Path file) {
    JsonObject json;
    try {
      JsonElement parsed = JsonParser.parseString(Files.readString(file));
      if (!parsed.isJsonObject()) {
        throw new IllegalArgumentException("cloud config " + file + " is not a JSON object");
      }
      json = parsed.getAsJsonObject();
    } catch (IOException e) {
      throw new IllegalArgumentException("failed to read cloud config " + file + ": " + e.getMessage(), e);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("failed to parse cloud config " + file + ": " + e.getMessage(), e);
    }
    return new AzureConfig(text(json, "cloud"), text(json, "tenantId"), text(json, "aadClientId"),
        text(json, "aadClientSecret"), text(json, "subscriptionId"), text(json, "resourceGroup"),
        text(json, "vmType"), bool(json, "useManagedIdentityExtension"), text(json, "userAssignedIdentityID"));
  }

  private static String text(JsonObject json, String field) {
    JsonElement value = json.get(field);
    return value == null || value.isJsonNull() || !value.isJsonPrimitive() ? "" : value.getAsString();
  }

  private static boolean bool(JsonObject json, String field) {
    JsonElement value = json.get(field);
    return value != null && value.isJsonPrimitive() && (value.getAsJsonPrimitive().isBoolean()
        ? value.getAsBoolean() : "true".equalsIgnoreCase(value.getAsString()));
  }
}
