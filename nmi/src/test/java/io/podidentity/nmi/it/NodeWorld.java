package io.podidentity.nmi.it;

import static org.awaitility.Awaitility.await;

import com.microsoft.aad.msal4j.ManagedIdentityEnvironment;
import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.common.crd.CrdNames;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.common.crd.V1AzureIdentityBinding;
import io.podidentity.common.model.PodRef;
import io.podidentity.nmi.net.CommandRunner;
import io.podidentity.nmi.testing.FakeCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One test class's world: both simulators, the node {@value #NODE} (scale-set instance 0, whose IMDS is the upstream)
 * and the NMIs started on it, all closed at the end. Pods get loopback addresses {@code 127.<block>.x.y}, a block
 * per class, so that classes never share an address.
 */
final class NodeWorld implements AutoCloseable {
  static final String NODE = "aks-nodepool1-vmss000000";
  static final Duration WAIT = Duration.ofSeconds(20);

  final Path dir;
  final Cloud cloud;
  final ApiServer api;
  private final int block;
  private final List<NmiServer> nmis = new ArrayList<>();
  private int pods;

  NodeWorld(int block) {
    this.block = block;
    try {
      dir = Files.createTempDirectory("nmi-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    cloud = new Cloud(dir);
    api = new ApiServer(dir);
  }

  /** NMI's settings for this node: the simulators, short waits, no iptables; {@code overrides} on top. */
  Map<String, String> settings(String... overrides) {
    Map<String, String> settings = new HashMap<>(Map.of(
        "nmi.node", NODE,
        "nmi.kubeconfig", api.kubeconfig.toString(),
        "server.host", "127.0.0.1",
        "nmi.metadata-ip", "127.0.0.1",
        "nmi.metadata-port", Integer.toString(cloud.imds(0).getPort()),
        "nmi.manage-iptables", "false",
        "nmi.aad-trust-store", cloud.trustStore.toString(),
        "nmi.aad-trust-store-password", cloud.trustStorePassword));
    settings.putAll(Map.of(
        "nmi.retry-attempts-for-created", "2",
        "nmi.retry-attempts-for-assigned", "2",
        "nmi.find-identity-retry-interval", "100ms",
        "nmi.pod-lookup-retries", "2",
        "nmi.pod-lookup-interval", "50ms",
        "nmi.disconnect-check-interval", "100ms"));
    for (int i = 0; i < overrides.length; i += 2) {
      settings.put(overrides[i], overrides[i + 1]);
    }
    return settings;
  }

  NmiServer startNmi(String... overrides) {
    return startNmi(null, overrides);
  }

  NmiServer startNmi(CommandRunner commands, String... overrides) {
    NmiServer nmi = new NmiServer(settings(overrides), commands == null ? new FakeCommands() : commands);
    nmis.add(nmi);
    await().atMost(WAIT).until(() -> nmi.runtime.ready());
    return nmi;
  }

  /** A fresh loopback address for a pod. */
  String podIp() {
    pods++;
    return "127." + block + "." + (pods / 250) + "." + (1 + pods % 250);
  }

  /** A type-0 identity of a new user-assigned identity attached to the node pool, bound by {@code <name>-selector}. */
  Bound userAssigned(String namespace, String name) {
    UserAssignedIdentity uami = cloud.attachedIdentity(name + "-" + namespace);
    V1AzureIdentity identity = api.identity(namespace, name, ApiServer.userAssigned(uami.id().toString(),
        uami.clientId()));
    return new Bound(identity, api.binding(namespace, name + "-binding", name, name + "-selector"), uami.clientId(),
        uami.id().toString());
  }

  /** A type-1 identity for a new app registration whose client secret is in Secret {@code <name>-secret}. */
  Bound secretPrincipal(String namespace, String name, String secret) {
    Application app = cloud.appWithSecret(name + "-" + namespace, secret);
    api.secret(namespace, name + "-secret", Map.of("clientSecret", secret.getBytes(StandardCharsets.UTF_8)));
    V1AzureIdentity identity = api.identity(namespace, name, ApiServer.servicePrincipal(1, cloud.tenant.id(),
        app.appId(), namespace, name + "-secret", cloud.sim.aadUrl().toString()));
    return new Bound(identity, api.binding(namespace, name + "-binding", name, name + "-selector"), app.appId(), "");
  }

  /** A type-2 identity for a new app registration whose PKCS#12 and password are in Secret {@code <name>-cert}. */
  Bound certificatePrincipal(String namespace, String name, String password) {
    Map.Entry<Application, byte[]> app = cloud.appWithCertificate(name + "-" + namespace, password.toCharArray());
    api.secret(namespace, name + "-cert", Map.of("certificate", app.getValue(),
        "password", password.getBytes(StandardCharsets.UTF_8)));
    V1AzureIdentity identity = api.identity(namespace, name, ApiServer.servicePrincipal(2, cloud.tenant.id(),
        app.getKey().appId(), namespace, name + "-cert", cloud.sim.aadUrl().toString()));
    return new Bound(identity, api.binding(namespace, name + "-binding", name, name + "-selector"),
        app.getKey().appId(), "");
  }

  /** A running pod on this node labelled with the binding's selector; returns its address. */
  String podFor(String namespace, String name, Bound bound) {
    String ip = podIp();
    api.boundPod(namespace, name, NODE, ip, bound.binding().getSpec().getSelector());
    return ip;
  }

  /** What MIC does once the identity is on the node: the assigned identity in {@code state}. */
  String assign(Bound bound, String namespace, String pod, String state) {
    return api.assign(bound.identity(), bound.binding(), new PodRef(namespace, pod), NODE, state);
  }

  static String label() {
    return CrdNames.POD_LABEL;
  }

  /** An AzureIdentity with its binding, and the client and resource IDs a caller names it by. */
  record Bound(V1AzureIdentity identity, V1AzureIdentityBinding binding, String clientId, String resourceId) {}

  @Override
  public void close() {
    ManagedIdentityEnvironment.reset();
    nmis.forEach(NmiServer::close);
    api.close();
    cloud.close();
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
