package io.podidentity.mic.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import io.podidentity.common.model.Redaction;
import io.podidentity.mic.config.MicSettings;
import io.podidentity.runtime.tls.TrustStoreFile;
import java.time.Duration;
import java.util.Objects;

/**
 * What it takes to call ARM with one cloud configuration (§2.3): the configuration itself, the cloud's endpoints,
 * the credential (a service principal secret, or the node's system- or user-assigned managed identity) and the
 * HTTP client with the configured trust. Made anew when azure.json changes.
 */
public record CloudConnection(AzureConfig config, CloudEnvironment environment, TokenCredential credential,
    HttpClient httpClient) {

  public CloudConnection {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(httpClient, "httpClient");
  }

  /** Reads azure.json (or the environment), resolves the cloud and builds the credential; throws on bad input. */
  public static CloudConnection connect(MicSettings.AzureSettings settings) {
    AzureConfig config = settings.cloudConfig().map(AzureConfigFile::read).orElse(settings.fromEnvironment());
    CloudEnvironment environment = CloudEnvironment.named(config.cloud(), settings.environmentFile());
    java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10));
    settings.trustStore().map(TrustStoreFile::sslContext).ifPresent(jdk::sslContext);
    HttpClient http = new JdkHttpClientBuilder(jdk).build();
    return new CloudConnection(config, environment, credential(config, environment, http, settings), http);
  }

  private static TokenCredential credential(AzureConfig config, CloudEnvironment environment, HttpClient http,
      MicSettings.AzureSettings settings) {
    if (config.useManagedIdentityExtension()) {
      HttpClient imds = settings.imdsEndpoint().<HttpClient>map(e -> new ImdsRedirectingClient(http, e)).orElse(http);
      ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder().httpClient(imds);
      if (!config.userAssignedIdentityId().isEmpty()) {
        builder.clientId(config.userAssignedIdentityId());
      }
      return builder.build();
    }
    if (config.tenantId().isEmpty() || config.aadClientId().isEmpty() || config.aadClientSecret().isEmpty()) {
      throw new IllegalArgumentException("service principal authentication needs tenantId, aadClientId and "
          + "aadClientSecret (client " + Redaction.clientId(config.aadClientId()) + ")");
    }
    ClientSecretCredentialBuilder builder = new ClientSecretCredentialBuilder().tenantId(config.tenantId())
        .clientId(config.aadClientId()).clientSecret(config.aadClientSecret())
        .authorityHost(environment.activeDirectoryEndpoint()).httpClient(http);
    if (!environment.wellKnown()) {
      builder.disableInstanceDiscovery();
    }
    return builder.build();
  }
}
