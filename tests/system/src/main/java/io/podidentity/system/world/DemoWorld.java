package io.podidentity.system.world;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.List;
import java.util.Map;

/**
 * The demo world the sandbox and the system tests share, with fixed ids so that commands in the README work as
 * written: one subscription, the nodes' resource group (a scale set with two instances and a standalone VM), the
 * identities' resource group with one identity that may read the nodes' group and one that may read nothing, and the
 * service principal MIC signs in with.
 */
public final class DemoWorld {
  public static final String TENANT = "5f2b8c1e-7a40-4d1b-9e0a-1c2d3e4f5a01";
  public static final String SUBSCRIPTION = "8d3c1f6a-2b7e-4c9d-8a1f-0e2d4c6b8a02";
  public static final String NODE_RG = "MC_demo-rg_demo-cluster_westeurope";
  public static final String IDENTITY_RG = "demo-rg";
  public static final String SCALE_SET = "aks-nodepool1-31415926-vmss";
  public static final String VM = "aks-standalone-31415926-0";
  public static final String READER = "demo-reader";
  public static final String READER_CLIENT_ID = "0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a03";
  public static final String NO_RIGHTS = "demo-norights";
  public static final String NO_RIGHTS_CLIENT_ID = "0a1b2c3d-2222-4e5f-8a9b-0c1d2e3f4a04";
  public static final String MIC_APP = "pod-identity-mic";
  public static final String MIC_APP_ID = "6e7f8a9b-3333-4c5d-9e0f-1a2b3c4d5e05";
  public static final String MIC_SECRET = "sandbox-mic-secret";
  /** The Kubernetes nodes: the scale set's two instances, then the standalone VM. */
  public static final List<String> NODES = List.of(SCALE_SET + "000000", SCALE_SET + "000001", VM);

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private DemoWorld() {}

  public static String identityId(String name) {
    return "/subscriptions/" + SUBSCRIPTION + "/resourcegroups/" + IDENTITY_RG
        + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name;
  }

  /** The ARM id of node {@code index} of {@link #NODES}, as Kubernetes' providerID carries it. */
  public static String providerId(int index) {
    String group = "azure:///subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + NODE_RG
        + "/providers/Microsoft.Compute/";
    return index < 2 ? group + "virtualMachineScaleSets/" + SCALE_SET + "/virtualMachines/" + index
        : group + "virtualMachines/" + VM;
  }

  /**
   * The seed document for the Azure simulator. {@code firstNodeImds} is where the first node's IMDS listens
   * ({@code host:port}; port 0 for a free one), the others get free loopback ports.
   */
  public static String seed(String firstNodeImdsHost, int firstNodeImdsPort) {
    String nodeScope = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + NODE_RG;
    Map<String, Object> seed = Map.of(
        "tenants", List.of(Map.of("id", TENANT, "displayName", "Pod Identity sandbox")),
        "subscriptions", List.of(Map.of("id", SUBSCRIPTION, "tenantId", TENANT, "displayName", "Sandbox")),
        "resourceGroups", List.of(group(NODE_RG), group(IDENTITY_RG)),
        "userAssignedIdentities", List.of(identity(READER, READER_CLIENT_ID, "c001"),
            identity(NO_RIGHTS, NO_RIGHTS_CLIENT_ID, "c002")),
        "applications", List.of(Map.of("tenantId", TENANT, "displayName", MIC_APP, "appId", MIC_APP_ID,
            "secrets", List.of(MIC_SECRET))),
        "scaleSets", List.of(Map.of("subscriptionId", SUBSCRIPTION, "resourceGroup", NODE_RG, "name", SCALE_SET,
            "instances", 2, "vmSize", "Standard_DS2_v2", "systemAssigned", true,
            "imds", List.of(Map.of("host", firstNodeImdsHost, "port", firstNodeImdsPort),
                Map.of("host", "127.0.0.1", "port", 0)))),
        "virtualMachines", List.of(Map.of("subscriptionId", SUBSCRIPTION, "resourceGroup", NODE_RG, "name", VM,
            "vmSize", "Standard_DS2_v2", "imds", Map.of("host", "127.0.0.1", "port", 0))),
        "roleAssignments", List.of(
            role("application:" + MIC_APP, "Virtual Machine Contributor", nodeScope),
            role("application:" + MIC_APP, "Managed Identity Operator",
                "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + IDENTITY_RG),
            role("identity:" + identityId(READER), "Reader", nodeScope)));
    return GSON.toJson(seed);
  }

  private static Map<String, Object> group(String name) {
    return Map.of("subscriptionId", SUBSCRIPTION, "name", name, "location", "westeurope");
  }

  private static Map<String, Object> identity(String name, String clientId, String suffix) {
    return Map.of("subscriptionId", SUBSCRIPTION, "resourceGroup", IDENTITY_RG, "name", name, "clientId", clientId,
        "principalId", "9a8b7c6d-4444-4e5f-8a9b-00000000" + suffix);
  }

  private static Map<String, Object> role(String principal, String role, String scope) {
    return Map.of("principal", principal, "role", role, "scope", scope);
  }

  /** MIC's azure.json: the service principal, and the nodes' subscription and group, in a custom cloud. */
  public static String azureJson() {
    return "{\"cloud\":\"AzureStackCloud\",\"tenantId\":\"" + TENANT + "\",\"aadClientId\":\"" + MIC_APP_ID
        + "\",\"aadClientSecret\":\"" + MIC_SECRET + "\",\"subscriptionId\":\"" + SUBSCRIPTION
        + "\",\"resourceGroup\":\"" + NODE_RG + "\",\"vmType\":\"vmss\",\"useManagedIdentityExtension\":false}";
  }

  /** The custom cloud's environment file (AZURE_ENVIRONMENT_FILEPATH): the simulator's ARM and Azure AD. */
  public static String cloudEnvironment(String armUrl, String aadUrl) {
    return "{\"name\":\"AzureStackCloud\",\"resourceManagerEndpoint\":\"" + armUrl
        + "\",\"activeDirectoryEndpoint\":\"" + aadUrl + "\",\"tokenAudience\":\"https://management.azure.com/\"}";
  }

  /**
   * The status a node's kubelet reports when it registers: Ready, its address, and the full system info
   * (client-java refuses a Node whose nodeInfo lacks any of its required fields).
   */
  public static String nodeStatus(int index, String internalIp) {
    Map<String, Object> info = new java.util.LinkedHashMap<>();
    info.put("machineID", "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d" + index);
    info.put("systemUUID", "5f0e1d2c-3b4a-4958-8776-65544332211" + index);
    info.put("bootID", "0f1e2d3c-4b5a-4968-8778-8a9b0c1d2e3" + index);
    info.put("kernelVersion", "5.15.0-1079-azure");
    info.put("osImage", "Ubuntu 22.04.5 LTS");
    info.put("containerRuntimeVersion", "containerd://1.7.27");
    info.put("kubeletVersion", "v1.32.0");
    info.put("kubeProxyVersion", "v1.32.0");
    info.put("operatingSystem", "linux");
    info.put("architecture", "amd64");
    return GSON.toJson(Map.of("status", Map.of("nodeInfo", info,
        "addresses", List.of(Map.of("type", "InternalIP", "address", internalIp),
            Map.of("type", "Hostname", "address", NODES.get(index))),
        "conditions", List.of(Map.of("type", "Ready", "status", "True", "reason", "KubeletReady",
            "message", "kubelet is posting ready status")))));
  }

  /** The Node object of node {@code index}; only the first is schedulable, since one NMI serves one node. */
  public static String node(int index) {
    Map<String, Object> spec = index == 0 ? Map.of("providerID", providerId(index))
        : Map.of("providerID", providerId(index), "unschedulable", true);
    return GSON.toJson(Map.of("apiVersion", "v1", "kind", "Node",
        "metadata", Map.of("name", NODES.get(index), "labels", Map.of("kubernetes.io/os", "linux",
            "kubernetes.io/hostname", NODES.get(index))),
        "spec", spec));
  }
}
