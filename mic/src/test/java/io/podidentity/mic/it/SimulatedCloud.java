package io.podidentity.mic.it;

import io.podidentity.azuresim.AzureSimOptions;
import io.podidentity.azuresim.AzureSimulator;
import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.MachineIdentity;
import io.podidentity.azuresim.world.MachineOptions;
import io.podidentity.azuresim.world.ResourceId;
import io.podidentity.azuresim.world.Subscription;
import io.podidentity.azuresim.world.Tenant;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.azuresim.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Azure side of MIC's integration tests: the Azure simulator with a subscription, a node resource group holding
 * a three-instance scale set and two standalone VMs, an identities resource group, and MIC's service principal with
 * the roles the original's docs require. Writes azure.json, the custom cloud file and the trust store MIC reads.
 */
final class SimulatedCloud implements AutoCloseable {
  static final String NODE_RG = "node-rg";
  static final String IDENTITY_RG = "identities-rg";
  static final String SCALE_SET = "aks-nodepool1-vmss";
  static final String SECRET = "mic-secret";

  final AzureSimulator sim;
  final World world;
  final Tenant tenant;
  final Subscription subscription;
  final Application mic;
  final Path trustStore;
  final String trustStorePassword;
  final Path environmentFile;

  SimulatedCloud(Path dir) {
    sim = AzureSimulator.start(AzureSimOptions.builder().build());
    world = sim.world();
    tenant = world.addTenant("Contoso");
    subscription = world.addSubscription(tenant.id());
    world.addScaleSet(subscription.id(), NODE_RG, SCALE_SET, 3, MachineOptions.DEFAULTS.withSystemAssigned(true));
    world.addVirtualMachine(subscription.id(), NODE_RG, "aks-agent-vm-0");
    world.addVirtualMachine(subscription.id(), NODE_RG, "aks-agent-vm-1", MachineOptions.DEFAULTS
        .withSystemAssigned(true));
    mic = world.addClientSecret(world.addApplication(tenant.id(), "mic").appId(), SECRET);
    world.assignRole(mic.servicePrincipalId(), "Virtual Machine Contributor", scope(NODE_RG));
    world.assignRole(mic.servicePrincipalId(), "Managed Identity Operator", scope(IDENTITY_RG));
    Map<String, String> files = sim.writeClientFiles(dir.resolve("azure-sim"));
    trustStore = Path.of(files.get("TRUST_STORE"));
    trustStorePassword = files.get("TRUST_STORE_PASSWORD");
    environmentFile = write(dir.resolve("akscustom.json"), "{\"name\":\"AzureStackCloud\","
        + "\"resourceManagerEndpoint\":\"" + sim.armUrl() + "\",\"activeDirectoryEndpoint\":\"" + sim.aadUrl()
        + "\",\"tokenAudience\":\"https://management.azure.com/\"}");
  }

  String scope(String resourceGroup) {
    return "/subscriptions/" + subscription.id() + "/resourceGroups/" + resourceGroup;
  }

  /** azure.json for MIC's service principal in the custom cloud. */
  Path azureJson(Path dir, String userAssignedIdentityId) {
    return write(dir.resolve("azure.json"), "{\"cloud\":\"AzureStackCloud\",\"tenantId\":\"" + tenant.id()
        + "\",\"aadClientId\":\"" + mic.appId() + "\",\"aadClientSecret\":\"" + SECRET + "\",\"subscriptionId\":\""
        + subscription.id() + "\",\"resourceGroup\":\"" + NODE_RG + "\",\"vmType\":\"vmss\","
        + "\"useManagedIdentityExtension\":false,\"userAssignedIdentityID\":\"" + userAssignedIdentityId + "\"}");
  }

  UserAssignedIdentity identity(String name) {
    return world.addUserAssignedIdentity(subscription.id(), IDENTITY_RG, name);
  }

  String providerIdOfInstance(int instance) {
    return "azure://" + ResourceId.scaleSet(subscription.id(), NODE_RG, SCALE_SET) + "/virtualMachines/" + instance;
  }

  String providerIdOfVm(String name) {
    return "azure://" + ResourceId.virtualMachine(subscription.id(), NODE_RG, name);
  }

  ResourceId scaleSet() {
    return ResourceId.scaleSet(subscription.id(), NODE_RG, SCALE_SET);
  }

  ResourceId vm(String name) {
    return ResourceId.virtualMachine(subscription.id(), NODE_RG, name);
  }

  MachineIdentity identityBlock(ResourceId machine) {
    return machine.type().equalsIgnoreCase("virtualMachineScaleSets")
        ? world.scaleSet(machine).orElseThrow().identity() : world.virtualMachine(machine).orElseThrow().identity();
  }

  /** The user-assigned identity IDs on a VM or scale set, lower-cased as ARM keys them. */
  Set<String> attached(ResourceId machine) {
    return identityBlock(machine).userAssigned().keySet().stream().map(String::toLowerCase)
        .collect(Collectors.toSet());
  }

  boolean has(ResourceId machine, UserAssignedIdentity identity) {
    return attached(machine).contains(identity.id().toString().toLowerCase());
  }

  private static Path write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    sim.close();
  }
}
