package io.podidentity.mic.it;

import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.common.crd.CrdNames;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.common.crd.V1AzureIdentityBinding;
import io.podidentity.common.crd.V1AzureIdentityBindingSpec;
import io.podidentity.common.crd.V1AzureIdentitySpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.podidentity.mic.MicRuntime;
import io.podidentity.mic.MicWiring;
import io.podidentity.mic.config.MicSettings;
import io.podidentity.mic.metrics.MicMetrics;
import io.podidentity.mic.testing.TestSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One integration test's world: both simulators, five nodes (three scale-set instances {@code vmss-0..2}, two VMs
 * {@code vm-0}, {@code vm-1}) and any number of MICs running against them with the real clients, closed at the end.
 */
final class MicIntegration implements AutoCloseable {
  private static final AtomicLong LEASES = new AtomicLong();

  final Path dir;
  final SimulatedCloud cloud;
  final SimulatedCluster cluster;
  private final String lease = "aad-pod-identity-mic-" + LEASES.incrementAndGet();
  private final List<RunningMic> mics = new ArrayList<>();

  /** A MIC under test, with what it did when it would have ended the process. */
  record RunningMic(MicRuntime runtime, MicMetrics metrics, AtomicInteger exits, MicSettings settings) {}

  MicIntegration() {
    try {
      dir = Files.createTempDirectory("mic-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    cloud = new SimulatedCloud(dir);
    cluster = new SimulatedCluster(dir);
    for (int i = 0; i < 3; i++) {
      cluster.node("vmss-" + i, cloud.providerIdOfInstance(i));
    }
    cluster.node("vm-0", cloud.providerIdOfVm("aks-agent-vm-0"));
    cluster.node("vm-1", cloud.providerIdOfVm("aks-agent-vm-1"));
  }

  /** MIC's settings for this world: short intervals, this test's own Lease, {@code overrides} on top. */
  MicSettings settings(String instance, String... overrides) {
    List<String> values = new ArrayList<>(List.of(
        "mic.kubeconfig", cluster.kubeconfig.toString(),
        "mic.cloudconfig", cloud.azureJson(dir, "").toString(),
        "mic.azure.environment-file", cloud.environmentFile.toString(),
        "mic.azure.trust-store", cloud.trustStore.toString(),
        "mic.azure.trust-store-password", cloud.trustStorePassword,
        "mic.azure.poll-interval", "100ms",
        "mic.leader-election-name", lease,
        "mic.leader-election-namespace", "mic-system",
        "mic.leader-election-duration", "2s",
        "mic.leader-election-instance", instance,
        "mic.client-qps", "500"));
    values.addAll(Arrays.asList(overrides));
    return TestSettings.settings(values.toArray(String[]::new));
  }

  RunningMic startMic(String instance, String... overrides) {
    return startMic(List.of(), instance, overrides);
  }

  /** A MIC whose API requests also pass {@code interceptors} (to inject API failures). */
  RunningMic startMic(List<okhttp3.Interceptor> interceptors, String instance, String... overrides) {
    MicSettings settings = settings(instance, overrides);
    AtomicInteger exits = new AtomicInteger();
    MicMetrics metrics = new MicMetrics();
    MicRuntime runtime = MicWiring.connect(settings, Map.of(), Clock.systemUTC(), metrics, exits::incrementAndGet,
        interceptors);
    RunningMic mic = new RunningMic(runtime, metrics, exits, settings);
    mics.add(mic);
    runtime.start();
    return mic;
  }

  /** Sets up a namespace with identity {@code name}, its binding ({@code <name>-binding}, selector
   * {@code <name>-selector}) and returns the simulated identity. */
  UserAssignedIdentity boundIdentity(String namespace, String name) {
    UserAssignedIdentity uami = cloud.identity(name);
    cluster.create(identity(namespace, name, uami));
    cluster.create(binding(namespace, name + "-binding", name, name + "-selector"));
    return uami;
  }

  /** Seeds, bypassing validation as an old installation would have left them, an identity {@code name} and its
   * binding ({@code <name>-binding}, selector {@code <name>-selector}) under the field names used before v1.6.0. */
  void seedLegacy(String namespace, String name, UserAssignedIdentity uami) {
    cluster.sim.seed("{\"apiVersion\":\"aadpodidentity.k8s.io/v1\",\"kind\":\"AzureIdentity\",\"metadata\":"
        + "{\"name\":\"" + name + "\",\"namespace\":\"" + namespace + "\"},\"spec\":{\"type\":0,\"ResourceID\":\""
        + uami.id() + "\",\"ClientID\":\"" + uami.clientId() + "\"}}");
    cluster.sim.seed("{\"apiVersion\":\"aadpodidentity.k8s.io/v1\",\"kind\":\"AzureIdentityBinding\",\"metadata\":"
        + "{\"name\":\"" + name + "-binding\",\"namespace\":\"" + namespace + "\"},\"spec\":{\"AzureIdentity\":\""
        + name + "\",\"Selector\":\"" + name + "-selector\"}}");
  }

  /** Waits until the pod's assigned identity for {@code identity} is in {@code state}. */
  void awaitState(String pod, String namespace, String identity, String state) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
        .until(() -> cluster.state("default", aai(pod, namespace, identity)), s -> s.equals(java.util.Optional.of(state)));
  }

  /** Whether the (first) MIC's sync loop runs. */
  boolean startedSyncing() {
    return mics.stream().anyMatch(m -> m.runtime().status().syncLoopRunning());
  }

  /** A type-0 AzureIdentity for a simulated user-assigned identity. */
  static V1AzureIdentity identity(String namespace, String name, UserAssignedIdentity uami) {
    return new V1AzureIdentity().metadata(new V1ObjectMeta().namespace(namespace).name(name))
        .spec(new V1AzureIdentitySpec().type(0).resourceID(uami.id().toString()).clientID(uami.clientId()));
  }

  static V1AzureIdentityBinding binding(String namespace, String name, String identity, String selector) {
    return new V1AzureIdentityBinding().metadata(new V1ObjectMeta().namespace(namespace).name(name))
        .spec(new V1AzureIdentityBindingSpec().azureIdentity(identity).selector(selector));
  }

  /** Name of the assigned identity MIC makes for this pod and identity (namespace {@code default}). */
  static String aai(String pod, String namespace, String identity) {
    return pod + "-" + namespace + "-" + identity;
  }

  static String label() {
    return CrdNames.POD_LABEL;
  }

  @Override
  public void close() {
    mics.forEach(m -> m.runtime().close());
    cluster.close();
    cloud.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
