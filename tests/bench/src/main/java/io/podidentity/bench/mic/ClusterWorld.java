package io.podidentity.bench.mic;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.AzureSimOptions;
import io.podidentity.azuresim.AzureSimulator;
import io.podidentity.azuresim.arm.LroPlan;
import io.podidentity.azuresim.control.FaultRule;
import io.podidentity.azuresim.control.Latency;
import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.MachineIdentity;
import io.podidentity.azuresim.world.ResourceId;
import io.podidentity.azuresim.world.Subscription;
import io.podidentity.azuresim.world.Tenant;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.bench.BenchMode.MicSizes;
import io.podidentity.bench.world.ApiWriter;
import io.podidentity.bench.world.Workspace;
import io.podidentity.common.crd.CrdNames;
import io.podidentity.kubesim.KubeSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MIC's world at benchmark size: scale sets and standalone VMs in the Azure simulator with ARM latency (GET
 * {@value #GET_MILLIS} ms, identity PATCH a {@value #PATCH_MILLIS} ms long-running operation) and ARM's documented
 * throttling on; their nodes, identities and bindings in the Kubernetes simulator. Pod {@code p} runs on node
 * {@code p % nodes} and is bound to identity {@code (p + p / nodes) % identities}, so every node holds several
 * identities and every identity spans several nodes.
 */
final class ClusterWorld implements AutoCloseable {
  static final long GET_MILLIS = 100;
  static final long PATCH_MILLIS = 2_000;
  static final String NAMESPACE = "bench";
  private static final String NODE_RG = "node-rg";
  private static final String IDENTITY_RG = "identities-rg";
  private static final String SECRET = "mic-secret";

  final Path dir = Workspace.temporaryDirectory("bench-mic");
  final MicSizes sizes;
  final AzureSimulator azure;
  final KubeSimulator kube;
  final Path kubeconfig;
  final Path azureJson;
  final Path environmentFile;
  final Path trustStore;
  final String trustStorePassword;
  /** Node names in order, and the VM or scale set behind each. */
  final List<String> nodes = new ArrayList<>();
  final List<ResourceId> targetOfNode = new ArrayList<>();
  final List<UserAssignedIdentity> identities = new ArrayList<>();
  private final Subscription subscription;

  ClusterWorld(MicSizes sizes) {
    this.sizes = sizes;
    azure = AzureSimulator.start(AzureSimOptions.builder().throttling(true).build());
    Tenant tenant = azure.world().addTenant("Contoso");
    subscription = azure.world().addSubscription(tenant.id());
    for (String op : List.of("vmss_get", "vm_get")) {
      azure.faults().add(FaultRule.delay(op, new Latency.Fixed(Duration.ofMillis(GET_MILLIS)), FaultRule.ALWAYS));
    }
    for (String op : List.of("vmss_patch", "vm_patch")) {
      azure.operations().plan(op, LroPlan.afterDelay(Duration.ofMillis(PATCH_MILLIS)));
    }
    Application mic = azure.world().addClientSecret(azure.world().addApplication(tenant.id(), "mic").appId(),
        SECRET);
    azure.world().assignRole(mic.servicePrincipalId(), "Virtual Machine Contributor", scope(NODE_RG));
    azure.world().assignRole(mic.servicePrincipalId(), "Managed Identity Operator", scope(IDENTITY_RG));
    Map<String, String> files = azure.writeClientFiles(dir.resolve("azure-sim"));
    trustStore = Path.of(files.get("TRUST_STORE"));
    trustStorePassword = files.get("TRUST_STORE_PASSWORD");
    environmentFile = write("akscustom.json", "{\"name\":\"AzureStackCloud\",\"resourceManagerEndpoint\":\""
        + azure.armUrl() + "\",\"activeDirectoryEndpoint\":\"" + azure.aadUrl()
        + "\",\"tokenAudience\":\"https://management.azure.com/\"}");
    azureJson = write("azure.json", "{\"cloud\":\"AzureStackCloud\",\"tenantId\":\"" + tenant.id()
        + "\",\"aadClientId\":\"" + mic.appId() + "\",\"aadClientSecret\":\"" + SECRET + "\",\"subscriptionId\":\""
        + subscription.id() + "\",\"resourceGroup\":\"" + NODE_RG + "\",\"vmType\":\"vmss\","
        + "\"useManagedIdentityExtension\":false,\"userAssignedIdentityID\":\"\"}");
    kube = ApiWriter.startCluster(dir, "mic-system", NAMESPACE);
    kubeconfig = dir.resolve("kubeconfig");
    ApiWriter api = new ApiWriter(kube);
    machines(api);
    for (int i = 0; i < sizes.identities(); i++) {
      identity(api, i);
    }
  }

  private void machines(ApiWriter api) {
    for (int s = 0; s < sizes.scaleSets(); s++) {
      ResourceId scaleSet = azure.world().addScaleSet(subscription.id(), NODE_RG, "pool" + s + "-vmss",
          sizes.instancesPerScaleSet()).id();
      for (int i = 0; i < sizes.instancesPerScaleSet(); i++) {
        node(api, "pool" + s + "-vmss" + String.format("%06d", i), "azure://" + scaleSet + "/virtualMachines/" + i,
            scaleSet);
      }
    }
    for (int v = 0; v < sizes.vms(); v++) {
      ResourceId vm = azure.world().addVirtualMachine(subscription.id(), NODE_RG, "vm" + v).id();
      node(api, "vm" + v, "azure://" + vm, vm);
    }
  }

  private void node(ApiWriter api, String name, String providerId, ResourceId target) {
    api.send("POST", "/api/v1/nodes", "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"" + name
        + "\"},\"spec\":{\"providerID\":\"" + providerId + "\"}}");
    nodes.add(name);
    targetOfNode.add(target);
  }

  private void identity(ApiWriter api, int i) {
    UserAssignedIdentity uami = azure.world().addUserAssignedIdentity(subscription.id(), IDENTITY_RG, "id" + i);
    identities.add(uami);
    api.send("POST", ApiWriter.CRD_BASE + NAMESPACE + "/" + CrdNames.AZURE_IDENTITY_PLURAL, "{\"apiVersion\":\""
        + CrdNames.API_VERSION + "\",\"kind\":\"AzureIdentity\",\"metadata\":{\"name\":\"id" + i + "\",\"namespace\":\""
        + NAMESPACE + "\"},\"spec\":{\"type\":0,\"resourceID\":\"" + uami.id() + "\",\"clientID\":\""
        + uami.clientId() + "\"}}");
    api.send("POST", ApiWriter.CRD_BASE + NAMESPACE + "/" + CrdNames.AZURE_IDENTITY_BINDING_PLURAL,
        "{\"apiVersion\":\"" + CrdNames.API_VERSION + "\",\"kind\":\"AzureIdentityBinding\",\"metadata\":{\"name\":"
        + "\"id" + i + "-binding\",\"namespace\":\"" + NAMESPACE + "\"},\"spec\":{\"azureIdentity\":\"id" + i
        + "\",\"selector\":\"id" + i + "-selector\"}}");
  }

  int nodeOf(int pod) {
    return pod % nodes.size();
  }

  int identityOf(int pod) {
    return (pod + pod / nodes.size()) % identities.size();
  }

  /** Stores pod {@code p} as the scheduler would leave it: bound to its node, labelled for its identity. */
  void seedPod(int p) {
    kube.seed("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"pod" + p + "\",\"namespace\":\""
        + NAMESPACE + "\",\"labels\":{\"" + CrdNames.POD_LABEL + "\":\"id" + identityOf(p) + "-selector\"}},"
        + "\"spec\":{\"nodeName\":\"" + nodes.get(nodeOf(p)) + "\",\"containers\":[{\"name\":\"app\",\"image\":"
        + "\"busybox\"}]},\"status\":{\"phase\":\"Running\"}}");
  }

  /** The VMs and scale sets that host at least one of {@code pods}, each needing one identity write. */
  Set<ResourceId> targetsOf(List<Integer> pods) {
    return pods.stream().map(p -> targetOfNode.get(nodeOf(p))).collect(Collectors.toSet());
  }

  List<JsonObject> assignedIdentities() {
    return kube.list(CrdNames.API_VERSION, CrdNames.AZURE_ASSIGNED_IDENTITY_PLURAL, null);
  }

  /** Lower-cased ids of the user-assigned identities attached to a VM or scale set now. */
  Set<String> attached(ResourceId target) {
    MachineIdentity identity = target.type().equalsIgnoreCase("virtualMachineScaleSets")
        ? azure.world().scaleSet(target).orElseThrow().identity()
        : azure.world().virtualMachine(target).orElseThrow().identity();
    return identity.userAssigned().keySet().stream().map(String::toLowerCase).collect(Collectors.toSet());
  }

  private String scope(String resourceGroup) {
    return "/subscriptions/" + subscription.id() + "/resourceGroups/" + resourceGroup;
  }

  private Path write(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    kube.close();
    azure.close();
    Workspace.delete(dir);
  }
}
