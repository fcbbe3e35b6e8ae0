package io.podidentity.nmi.it;

import io.podidentity.azuresim.AzureSimOptions;
import io.podidentity.azuresim.AzureSimulator;
import io.podidentity.azuresim.tls.IssuedCertificate;
import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.MachineOptions;
import io.podidentity.azuresim.world.MachineRef;
import io.podidentity.azuresim.world.ResourceId;
import io.podidentity.azuresim.world.ScaleSet;
import io.podidentity.azuresim.world.Subscription;
import io.podidentity.azuresim.world.Tenant;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Map;

/**
 * The Azure side of NMI's integration tests: the Azure simulator with one tenant and subscription and the node
 * pool, a two-instance scale set with a system-assigned identity whose instance 0 is the node NMI serves (its IMDS is
 * NMI's upstream); user-assigned identities and service principals on demand.
 */
final class Cloud implements AutoCloseable {
  static final String NODE_RG = "node-rg";

  final AzureSimulator sim;
  final Tenant tenant;
  final Subscription subscription;
  final ScaleSet nodes;
  final Path trustStore;
  final String trustStorePassword;

  Cloud(Path dir) {
    sim = AzureSimulator.start(AzureSimOptions.builder().build());
    tenant = sim.world().addTenant("Contoso");
    subscription = sim.world().addSubscription(tenant.id());
    nodes = sim.world().addScaleSet(subscription.id(), NODE_RG, "aks-nodepool1-vmss", 2,
        MachineOptions.DEFAULTS.withSystemAssigned(true));
    Map<String, String> files = sim.writeClientFiles(dir.resolve("azure-sim"));
    trustStore = Path.of(files.get("TRUST_STORE"));
    trustStorePassword = files.get("TRUST_STORE_PASSWORD");
  }

  /** The IMDS of the scale set's instance {@code n}: what 169.254.169.254 is on that node. */
  URI imds(int instance) {
    return sim.imdsEndpoint(MachineRef.instance(nodes.id(), Integer.toString(instance)));
  }

  /** A user-assigned identity attached to the node pool's scale set, as MIC (or the AKS add-on) would leave it. */
  UserAssignedIdentity attachedIdentity(String name) {
    UserAssignedIdentity identity = sim.world().addUserAssignedIdentity(subscription.id(), "identities-rg", name);
    sim.world().attachIdentity(nodes.id(), identity.id());
    return identity;
  }

  /** An app registration with a client secret. */
  Application appWithSecret(String name, String secret) {
    return sim.world().addClientSecret(sim.world().addApplication(tenant.id(), name).appId(), secret);
  }

  /** An app registration with a certificate credential; returns it with the PKCS#12 (key and chain) a Secret holds. */
  Map.Entry<Application, byte[]> appWithCertificate(String name, char[] password) {
    IssuedCertificate issued = sim.trust().authority().issueClientCertificate(name);
    Application app = sim.world().addCertificate(sim.world().addApplication(tenant.id(), name).appId(),
        issued.certificate());
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(name, issued.keyPair().getPrivate(), password, new Certificate[] {issued.certificate()});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password);
      return Map.entry(app, out.toByteArray());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot write the PKCS#12 for " + name, e);
    }
  }

  ResourceId scaleSet() {
    return nodes.id();
  }

  @Override
  public void close() {
    sim.close();
  }
}
