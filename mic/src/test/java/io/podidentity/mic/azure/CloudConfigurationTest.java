package io.podidentity.mic.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.podidentity.mic.config.MicSettings;
import io.podidentity.mic.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** azure.json, cloud names, custom cloud files, and reloading when azure.json changes (§2.3). */
class CloudConfigurationTest {
  @TempDir Path dir;

  private Path azureJson(String subscription, String cloud) throws IOException {
    Path file = dir.resolve("azure.json");
    Files.writeString(file, "{\"cloud\":\"" + cloud + "\",\"tenantId\":\"t\",\"aadClientId\":\"c\","
        + "\"aadClientSecret\":\"s3cret\",\"subscriptionId\":\"" + subscription + "\",\"resourceGroup\":\"rg\","
        + "\"vmType\":\"vmss\",\"useManagedIdentityExtension\":false,\"userAssignedIdentityID\":\"\","
        + "\"securityGroupName\":\"ignored\"}");
    return file;
  }

  private Path environmentFile() throws IOException {
    Path file = dir.resolve("akscustom.json");
    Files.writeString(file, "{\"name\":\"AzureStackCloud\",\"resourceManagerEndpoint\":\"https://127.0.0.1:4443/\","
        + "\"activeDirectoryEndpoint\":\"https://127.0.0.1:4444/\",\"tokenAudience\":\"https://management.azure.com/\"}");
    return file;
  }

  @Test
  void readsAzureJsonByTheOriginalsFieldNames() throws IOException {
    AzureConfig config = AzureConfigFile.read(azureJson("sub-1", "AzurePublicCloud"));

    assertThat(config).isEqualTo(new AzureConfig("AzurePublicCloud", "t", "c", "s3cret", "sub-1", "rg", "vmss", false,
        ""));
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void resolvesCloudNamesAsGoAutorestDid() throws IOException {
    assertThat(CloudEnvironment.named("azurepubliccloud", Optional.empty()).resourceManagerEndpoint())
        .isEqualTo("https://management.azure.com/");
    assertThat(CloudEnvironment.named("AzureChinaCloud", Optional.empty()).activeDirectoryEndpoint())
        .isEqualTo("https://login.chinacloudapi.cn/");
    CloudEnvironment stack = CloudEnvironment.named("AzureStackCloud", Optional.of(environmentFile()));
    assertThat(stack).isEqualTo(new CloudEnvironment("AzureStackCloud", "https://127.0.0.1:4443/",
        "https://127.0.0.1:4444/", "https://management.azure.com/"));
    assertThat(stack.armScope()).isEqualTo("https://management.azure.com/.default");
    assertThat(stack.wellKnown()).isFalse();
    assertThatThrownBy(() -> CloudEnvironment.named("Mars", Optional.empty())).hasMessageContaining("\"Mars\"");
    assertThatThrownBy(() -> CloudEnvironment.named("AzureStackCloud", Optional.empty()))
        .hasMessageContaining("AZURE_ENVIRONMENT_FILEPATH");
  }

  @Test
  void aFailedReloadKeepsTheConnectionItHad() throws IOException {
    Path file = azureJson("sub-1", "AzureStackCloud");
    MicSettings settings = TestSettings.settings("mic.cloudconfig", file.toString(), "mic.azure.environment-file",
        environmentFile().toString());
    ReloadingCloud<String> cloud = new ReloadingCloud<>(settings.azure(), c -> c.config().subscriptionId());

    Files.writeString(file, "{ not json");
    assertThat(cloud.reload()).isFalse();
    assertThat(cloud.reload()).isFalse();
    assertThat(cloud.current().built()).isEqualTo("sub-1");

    azureJson("sub-2", "AzureStackCloud");
    assertThat(cloud.reload()).isTrue();
    assertThat(cloud.config().subscriptionId()).isEqualTo("sub-2");
  }

  @Test
  void noticesWhenAzureJsonChanges() throws IOException {
    Path file = azureJson("sub-1", "AzurePublicCloud");
    AtomicInteger changes = new AtomicInteger();
    try (CloudConfigWatcher watcher = new CloudConfigWatcher(file, changes::incrementAndGet)) {
      azureJson("sub-2", "AzurePublicCloud");

      await().until(() -> changes.get() >= 1);
    }
  }

  @Test
  void refusesServicePrincipalAuthenticationWithoutASecret() {
    MicSettings settings = TestSettings.settings("mic.azure.tenant-id", "t", "mic.azure.client-id", "c");

    assertThatThrownBy(() -> CloudConnection.connect(settings.azure()))
        .hasMessageContaining("needs tenantId, aadClientId and aadClientSecret");
  }
}
