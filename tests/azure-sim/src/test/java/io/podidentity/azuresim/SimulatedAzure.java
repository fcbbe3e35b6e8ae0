package io.podidentity.azuresim;

import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.resourcemanager.compute.ComputeManager;
import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.MachineOptions;
import io.podidentity.azuresim.world.ResourceGroup;
import io.podidentity.azuresim.world.ScaleSet;
import io.podidentity.azuresim.world.Subscription;
import io.podidentity.azuresim.world.Tenant;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.azuresim.world.VirtualMachine;
import io.podidentity.azuresim.world.World;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A started simulator with the world most tests need, and real Azure SDK clients pointed at it: one tenant,
 * subscription and resource group, a VM, a two-instance scale set, two user-assigned identities and a service
 * principal ("mic") holding Virtual Machine Contributor and Managed Identity Operator on the group.
 */
final class SimulatedAzure implements AutoCloseable {
  static final String SECRET = "mic-secret-value";

  final AzureSimulator sim;
  final Tenant tenant;
  final Subscription subscription;
  final ResourceGroup group;
  final VirtualMachine vm;
  final ScaleSet scaleSet;
  final UserAssignedIdentity identity1;
  final UserAssignedIdentity identity2;
  final Application mic;

  SimulatedAzure() {
    this(AzureSimOptions.defaults());
  }

  SimulatedAzure(AzureSimOptions options) {
    sim = AzureSimulator.start(options);
    World world = sim.world();
    tenant = world.addTenant("Contoso");
    subscription = world.addSubscription(tenant.id());
    group = world.addResourceGroup(subscription.id(), "node-rg", "westeurope");
    vm = world.addVirtualMachine(subscription.id(), group.name(), "node-vm-0");
    scaleSet = world.addScaleSet(subscription.id(), group.name(), "aks-nodepool1-vmss", 2, MachineOptions.DEFAULTS);
    identity1 = world.addUserAssignedIdentity(subscription.id(), group.name(), "app-identity-1");
    identity2 = world.addUserAssignedIdentity(subscription.id(), group.name(), "app-identity-2");
    mic = world.addClientSecret(world.addApplication(tenant.id(), "mic").appId(), SECRET);
    world.assignRole(mic.servicePrincipalId(), "Virtual Machine Contributor", groupScope());
    world.assignRole(mic.servicePrincipalId(), "Managed Identity Operator", groupScope());
  }

  /** A new service principal with a secret holding the given roles on the node resource group. */
  Application principal(String name, String... roles) {
    World world = sim.world();
    Application app = world.addClientSecret(world.addApplication(tenant.id(), name).appId(), SECRET);
    for (String role : roles) {
      world.assignRole(app.servicePrincipalId(), role, groupScope());
    }
    return app;
  }

  String groupScope() {
    return "/subscriptions/" + subscription.id() + "/resourceGroups/" + group.name();
  }

  HttpClient httpClient() {
    return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(sim.clientSslContext())).build();
  }

  ClientSecretCredential credential(Application app, String secret) {
    return new ClientSecretCredentialBuilder().tenantId(app.tenantId()).clientId(app.appId()).clientSecret(secret)
        .authorityHost(sim.aadUrl().toString()).disableInstanceDiscovery().httpClient(httpClient()).build();
  }

  AzureProfile profile() {
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", sim.armUrl().toString());
    endpoints.put("activeDirectoryEndpointUrl", sim.aadUrl().toString());
    return new AzureProfile(tenant.id(), subscription.id(), new AzureEnvironment(endpoints));
  }

  ComputeManager compute(Application app, String secret) {
    return ComputeManager.configure().withHttpClient(httpClient()).authenticate(credential(app, secret), profile());
  }

  /** A client that does not retry, so a throttled or failed call surfaces at once. */
  ComputeManager computeWithoutRetries(Application app) {
    return ComputeManager.configure().withHttpClient(httpClient())
        .withRetryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ZERO)))
        .authenticate(credential(app, SECRET), profile());
  }

  ComputeManager compute() {
    return compute(mic, SECRET);
  }

  @Override
  public void close() {
    sim.close();
  }
}
