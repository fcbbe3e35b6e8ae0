package io.podidentity.azuresim;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.azuresim.world.World;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientFilesIT {
  @Test
  void writesTrustStoreCaBundleAndEndpointsThatMatchTheRunningSimulator(@TempDir Path dir) throws Exception {
    try (AzureSimulator sim = AzureSimulator.start(AzureSimOptions.builder().extraHost("10.244.0.1").build())) {
      World world = sim.world();
      String sub = world.addSubscription(world.addTenant("t").id()).id();
      world.addScaleSet(sub, "rg", "nodes", 2);

      Map<String, String> vars = sim.writeClientFiles(dir);

      assertThat(vars).containsEntry("ARM_URL", sim.armUrl().toString()).containsEntry("AAD_URL",
          sim.aadUrl().toString()).containsKeys("IMDS_URL_NODES_0", "IMDS_URL_NODES_1", "TRUST_STORE_PASSWORD");
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(Path.of(vars.get("TRUST_STORE")))) {
        store.load(in, vars.get("TRUST_STORE_PASSWORD").toCharArray());
      }
      X509Certificate ca = (X509Certificate) store.getCertificate("azure-sim-ca");
      assertThat(ca).isEqualTo(sim.trust().authority().certificate());
      assertThat(Files.readString(Path.of(vars.get("CA_BUNDLE")))).startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(Files.readString(dir.resolve("endpoints.env"))).contains("IMDS_URL_NODES_1='http://127.0.0.1:");
      assertThat(Files.readString(dir.resolve("endpoints.json"))).contains("\"IMDS_URLS\"");
    }
  }
}
