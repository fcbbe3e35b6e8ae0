package io.podidentity.azuresim.world;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the simulated Azure knows: directory, compute, identities and role assignments. Tests and the sandbox
 * seed it through these methods (or a seed file) and inspect it to check what clients did; the ARM, Azure AD and
 * IMDS handlers read and change it. Ids are random UUIDs unless a caller pins them with the {@code put} methods of
 * the stores.
 */
public final class World {
  private final Directory directory = new Directory();
  private final ComputeStore compute = new ComputeStore();
  private final IdentityStore identities = new IdentityStore();
  private final RoleStore roles = new RoleStore();
  private final AddressPool addresses = new AddressPool();

  public Directory directory() {
    return directory;
  }

  public ComputeStore compute() {
    return compute;
  }

  public IdentityStore identities() {
    return identities;
  }

  public RoleStore roles() {
    return roles;
  }

  public Tenant addTenant(String displayName) {
    return directory.put(new Tenant(uuid(), displayName));
  }

  public Subscription addSubscription(String tenantId) {
    return directory.put(new Subscription(uuid(), tenantId, "Simulated subscription"));
  }

  public ResourceGroup addResourceGroup(String subscriptionId, String name, String location) {
    return directory.put(new ResourceGroup(subscriptionId, name, location));
  }

  public UserAssignedIdentity addUserAssignedIdentity(String subscriptionId, String resourceGroup, String name) {
    ResourceGroup group = requireGroup(subscriptionId, resourceGroup, MachineOptions.DEFAULTS.location());
    return identities.put(new UserAssignedIdentity(ResourceId.userAssignedIdentity(subscriptionId,
        group.name(), name), group.location(), tenantOf(subscriptionId), uuid(), uuid(), Map.of(), List.of()));
  }

  public VirtualMachine addVirtualMachine(String subscriptionId, String resourceGroup, String name) {
    return addVirtualMachine(subscriptionId, resourceGroup, name, MachineOptions.DEFAULTS);
  }

  public VirtualMachine addVirtualMachine(String subscriptionId, String resourceGroup, String name,
      MachineOptions options) {
    ResourceGroup group = requireGroup(subscriptionId, resourceGroup, options.location());
    MachineIdentity identity = options.systemAssigned() ? MachineIdentity.NONE.withSystem(newSystemIdentity(
        subscriptionId)) : MachineIdentity.NONE;
    return compute.put(new VirtualMachine(ResourceId.virtualMachine(subscriptionId, group.name(), name),
        options.location(), uuid(), options.vmSize(), name, ProvisioningState.SUCCEEDED, identity, options.tags(),
        null, addresses.nextPrivateIp(), addresses.nextMac(), options.imdsAt(0)));
  }

  public ScaleSet addScaleSet(String subscriptionId, String resourceGroup, String name, int instances) {
    return addScaleSet(subscriptionId, resourceGroup, name, instances, MachineOptions.DEFAULTS);
  }

  /** A uniform scale set whose instances are numbered from 0 and named {@code {name}000000} and up, as AKS nodes. */
  public ScaleSet addScaleSet(String subscriptionId, String resourceGroup, String name, int instances,
      MachineOptions options) {
    ResourceGroup group = requireGroup(subscriptionId, resourceGroup, options.location());
    List<ScaleSetInstance> list = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      list.add(new ScaleSetInstance(Integer.toString(i), uuid(), name + String.format("%06d", i),
          addresses.nextPrivateIp(), addresses.nextMac(), options.imdsAt(i)));
    }
    MachineIdentity identity = options.systemAssigned() ? MachineIdentity.NONE.withSystem(newSystemIdentity(
        subscriptionId)) : MachineIdentity.NONE;
    return compute.put(new ScaleSet(ResourceId.scaleSet(subscriptionId, group.name(), name), options.location(),
        uuid(), options.vmSize(), ProvisioningState.SUCCEEDED, identity, options.tags(), null, list));
  }

  /** Attaches a user-assigned identity to a VM or scale set directly, as if a PATCH had succeeded. */
  public void attachIdentity(ResourceId machine, ResourceId identityId) {
    UserAssignedIdentity identity = identities.get(identityId)
        .orElseThrow(() -> new IllegalArgumentException("unknown identity " + identityId));
    AttachedIdentity attached = new AttachedIdentity(identity.id().toString(), identity.principalId(),
        identity.clientId());
    boolean done = compute.updateVm(machine, vm -> vm.withIdentity(with(vm.identity(), attached))).isPresent()
        || compute.updateScaleSet(machine, ss -> ss.withIdentity(with(ss.identity(), attached))).isPresent();
    if (!done) {
      throw new IllegalArgumentException("unknown VM or scale set " + machine);
    }
  }

  /** Deletes an identity; VMs and scale sets that reference it keep a stale entry, as in Azure. */
  public boolean deleteUserAssignedIdentity(ResourceId id) {
    return identities.remove(id);
  }

  public void setProvisioningState(ResourceId machine, ProvisioningState state) {
    boolean done = compute.updateVm(machine, vm -> vm.withProvisioningState(state)).isPresent()
        || compute.updateScaleSet(machine, ss -> ss.withProvisioningState(state)).isPresent();
    if (!done) {
      throw new IllegalArgumentException("unknown VM or scale set " + machine);
    }
  }

  public Application addApplication(String tenantId, String displayName) {
    return directory.put(new Application(tenantId, uuid(), uuid(), displayName, List.of(), List.of(), List.of(),
        List.of(), 1));
  }

  /**
   * Admin consent to a multi-tenant app in another tenant: the app gets a service principal there, and its
   * credentials then obtain tokens from that tenant too (as auxiliary tenants need). Returns that principal's id.
   */
  public String addServicePrincipal(String appId, String tenantId) {
    return directory.consent(appId, tenantId, uuid());
  }

  public Application addClientSecret(String appId, String secret) {
    return directory.updateApplication(appId, app -> app.withSecrets(plus(app.secrets(), secret)));
  }

  public Application addCertificate(String appId, X509Certificate certificate) {
    return directory.updateApplication(appId, app -> app.withCertificates(plus(app.certificates(), certificate)));
  }

  public Application addFederatedCredential(String appId, FederatedCredential credential) {
    return directory.updateApplication(appId,
        app -> app.withFederatedCredentials(plus(app.federatedCredentials(), credential)));
  }

  public UserAssignedIdentity addFederatedCredential(ResourceId identity, FederatedCredential credential) {
    return identities.update(identity, i -> i.withFederatedCredentials(plus(i.federatedCredentials(), credential)))
        .orElseThrow(() -> new IllegalArgumentException("unknown identity " + identity));
  }

  /** Assigns a role (by name such as "Reader" or by GUID) to an object id at a scope. */
  public RoleAssignment assignRole(String principalId, String role, String scope) {
    RoleDefinition definition = roles.definition(role)
        .orElseThrow(() -> new IllegalArgumentException("unknown role " + role));
    return roles.assign(new RoleAssignment(uuid(), scope, definition.id(), principalId, principalType(principalId)));
  }

  public Optional<VirtualMachine> virtualMachine(ResourceId id) {
    return compute.vm(id);
  }

  public Optional<ScaleSet> scaleSet(ResourceId id) {
    return compute.scaleSet(id);
  }

  /** The tenant a subscription belongs to. */
  public String tenantOf(String subscriptionId) {
    return directory.subscription(subscriptionId)
        .orElseThrow(() -> new IllegalArgumentException("unknown subscription " + subscriptionId)).tenantId();
  }

  /** The identity block of the VM, or of the scale set an instance belongs to. */
  public Optional<MachineIdentity> identityOf(MachineRef machine) {
    return machine.isScaleSetInstance() ? compute.scaleSet(machine.resource()).map(ScaleSet::identity)
        : compute.vm(machine.resource()).map(VirtualMachine::identity);
  }

  public SystemIdentity newSystemIdentity(String subscriptionId) {
    return new SystemIdentity(uuid(), uuid(), tenantOf(subscriptionId));
  }

  private String principalType(String principalId) {
    if (directory.applicationByServicePrincipal(principalId).isPresent()
        || identities.byPrincipalId(principalId).isPresent()) {
      return "ServicePrincipal";
    }
    return "User";
  }

  private ResourceGroup requireGroup(String subscriptionId, String name, String location) {
    return directory.resourceGroup(subscriptionId, name)
        .orElseGet(() -> directory.put(new ResourceGroup(subscriptionId, name, location)));
  }

  private static MachineIdentity with(MachineIdentity identity, AttachedIdentity attached) {
    Map<String, AttachedIdentity> next = new LinkedHashMap<>(identity.userAssigned());
    next.put(attached.resourceId().toLowerCase(java.util.Locale.ROOT), attached);
    return identity.withUserAssigned(next);
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> next = new ArrayList<>(list);
    next.add(item);
    return next;
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }
}
