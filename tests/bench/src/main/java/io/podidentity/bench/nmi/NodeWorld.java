package io.podidentity.bench.nmi;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.podidentity.azuresim.AzureSimOptions;
import io.podidentity.azuresim.AzureSimulator;
import io.podidentity.azuresim.control.FaultRule;
import io.podidentity.azuresim.control.Latency;
import io.podidentity.azuresim.world.MachineOptions;
import io.podidentity.azuresim.world.MachineRef;
import io.podidentity.azuresim.world.ScaleSet;
import io.podidentity.azuresim.world.Subscription;
import io.podidentity.azuresim.world.Tenant;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.bench.world.ApiWriter;
import io.podidentity.bench.world.Workspace;
import io.podidentity.common.crd.AzureAssignedIdentityMapper;
import io.podidentity.common.crd.CrdNames;
import io.podidentity.common.crd.V1AzureAssignedIdentity;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.common.crd.V1AzureIdentityBinding;
import io.podidentity.common.crd.V1AzureIdentityBindingSpec;
import io.podidentity.common.crd.V1AzureIdentitySpec;
import io.podidentity.common.model.PodRef;
import io.podidentity.kubesim.KubeSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The node NMI serves, as MIC would have left it: a scale-set instance whose IMDS answers after a fixed latency,
 * user-assigned identities attached to its scale set, and running pods on loopback addresses {@code 127.77.x.y},
 * each bound to one identity with its AzureAssignedIdentity {@code Assigned}.
 */
public final class NodeWorld implements AutoCloseable {
  public static final String NODE = "aks-nodepool1-vmss000000";
  static final String NAMESPACE = "bench";

  final Path dir = Workspace.temporaryDirectory("bench-nmi");
  final AzureSimulator azure;
  final KubeSimulator kube;
  final Path kubeconfig;
  final URI imds;
  /** Each pod's address, in creation order; pod {@code i} is bound to identity {@code i % identities}. */
  final List<String> podIps = new ArrayList<>();
  final List<UserAssignedIdentity> identities = new ArrayList<>();

  public NodeWorld(int pods, int identityCount, Duration imdsLatency) {
    azure = AzureSimulator.start(AzureSimOptions.builder().build());
    Tenant tenant = azure.world().addTenant("Contoso");
    Subscription subscription = azure.world().addSubscription(tenant.id());
    ScaleSet nodes = azure.world().addScaleSet(subscription.id(), "node-rg", "aks-nodepool1-vmss", 1,
        MachineOptions.DEFAULTS.withSystemAssigned(true));
    imds = azure.imdsEndpoint(MachineRef.instance(nodes.id(), "0"));
    azure.faults().add(FaultRule.delay("imds_token", new Latency.Fixed(imdsLatency), FaultRule.ALWAYS));
    kube = ApiWriter.startCluster(dir, NAMESPACE);
    kubeconfig = dir.resolve("kubeconfig");
    ApiWriter api = new ApiWriter(kube);
    List<V1AzureIdentity> bound = new ArrayList<>();
    List<V1AzureIdentityBinding> bindings = new ArrayList<>();
    for (int i = 0; i < identityCount; i++) {
      UserAssignedIdentity uami = azure.world().addUserAssignedIdentity(subscription.id(), "identities-rg", "id" + i);
      azure.world().attachIdentity(nodes.id(), uami.id());
      identities.add(uami);
      bound.add(identity(api, "id" + i, uami));
      bindings.add(binding(api, "id" + i));
    }
    for (int p = 0; p < pods; p++) {
      String ip = "127.77." + (p / 250) + "." + (1 + p % 250);
      podIps.add(ip);
      runningPod(api, "pod" + p, ip, "id" + (p % identityCount) + "-selector");
      assign(api, bound.get(p % identityCount), bindings.get(p % identityCount), "pod" + p);
    }
  }

  /** Addresses of the pods bound to identity {@code index}. */
  List<String> podsOf(int index) {
    List<String> ips = new ArrayList<>();
    for (int p = index; p < podIps.size(); p += identities.size()) {
      ips.add(podIps.get(p));
    }
    return ips;
  }

  long imdsTokenCalls() {
    return azure.counters().get("imds_token");
  }

  private static V1AzureIdentity identity(ApiWriter api, String name, UserAssignedIdentity uami) {
    V1AzureIdentity identity = new V1AzureIdentity().apiVersion(CrdNames.API_VERSION)
        .kind(CrdNames.AZURE_IDENTITY_KIND).metadata(new V1ObjectMeta().namespace(NAMESPACE).name(name))
        .spec(new V1AzureIdentitySpec().type(0).resourceID(uami.id().toString()).clientID(uami.clientId()));
    return ApiWriter.GSON.fromJson(api.send("POST", ApiWriter.CRD_BASE + NAMESPACE + "/"
        + CrdNames.AZURE_IDENTITY_PLURAL, ApiWriter.GSON.toJson(identity)), V1AzureIdentity.class);
  }

  private static V1AzureIdentityBinding binding(ApiWriter api, String identity) {
    V1AzureIdentityBinding binding = new V1AzureIdentityBinding().apiVersion(CrdNames.API_VERSION)
        .kind(CrdNames.AZURE_IDENTITY_BINDING_KIND)
        .metadata(new V1ObjectMeta().namespace(NAMESPACE).name(identity + "-binding"))
        .spec(new V1AzureIdentityBindingSpec().azureIdentity(identity).selector(identity + "-selector"));
    return ApiWriter.GSON.fromJson(api.send("POST", ApiWriter.CRD_BASE + NAMESPACE + "/"
        + CrdNames.AZURE_IDENTITY_BINDING_PLURAL, ApiWriter.GSON.toJson(binding)), V1AzureIdentityBinding.class);
  }

  private static void runningPod(ApiWriter api, String name, String ip, String selector) {
    api.send("POST", "/api/v1/namespaces/" + NAMESPACE + "/pods", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
        + "\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + NAMESPACE + "\",\"labels\":{\""
        + CrdNames.POD_LABEL + "\":\"" + selector + "\"}},\"spec\":{\"nodeName\":\"" + NODE
        + "\",\"containers\":[{\"name\":\"app\",\"image\":\"busybox\"}]}}");
    api.send("PATCH", "/api/v1/namespaces/" + NAMESPACE + "/pods/" + name + "/status", "{\"status\":{\"phase\":"
        + "\"Running\",\"podIP\":\"" + ip + "\",\"podIPs\":[{\"ip\":\"" + ip + "\"}]}}");
  }

  private static void assign(ApiWriter api, V1AzureIdentity identity, V1AzureIdentityBinding binding, String pod) {
    V1AzureAssignedIdentity aai = AzureAssignedIdentityMapper.newAssignedIdentity(identity, binding,
        new PodRef(NAMESPACE, pod), NODE, false).apiVersion(CrdNames.API_VERSION)
        .kind(CrdNames.AZURE_ASSIGNED_IDENTITY_KIND);
    String path = ApiWriter.CRD_BASE + "default/" + CrdNames.AZURE_ASSIGNED_IDENTITY_PLURAL;
    api.send("POST", path, ApiWriter.GSON.toJson(aai));
    api.send("PATCH", path + "/" + aai.getMetadata().getName(), "{\"status\":{\"status\":\"Assigned\","
        + "\"availableReplicas\":1}}");
  }

  @Override
  public void close() {
    kube.close();
    azure.close();
    Workspace.delete(dir);
  }
}
