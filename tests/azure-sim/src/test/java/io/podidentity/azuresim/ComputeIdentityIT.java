package io.podidentity.azuresim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.compute.fluent.VirtualMachineScaleSetsClient;
import com.azure.resourcemanager.compute.fluent.VirtualMachinesClient;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineScaleSetInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineScaleSetVMInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineUpdateInner;
import com.azure.resourcemanager.compute.models.HardwareProfile;
import com.azure.resourcemanager.compute.models.ResourceIdentityType;
import com.azure.resourcemanager.compute.models.VirtualMachineIdentity;
import com.azure.resourcemanager.compute.models.VirtualMachineIdentityUserAssignedIdentities;
import com.azure.resourcemanager.compute.models.VirtualMachineScaleSetIdentity;
import com.azure.resourcemanager.compute.models.VirtualMachineScaleSetUpdate;
import com.azure.resourcemanager.compute.models.VirtualMachineSizeTypes;
import io.podidentity.azuresim.arm.LroPlan;
import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.ProvisioningState;
import io.podidentity.azuresim.world.ScaleSet;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.azuresim.world.VirtualMachine;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inner Compute clients of azure-resourcemanager-compute against the simulated ARM. */
class ComputeIdentityIT {
  /** The regex aad-pod-identity's MIC uses to find the offending identities in an ARM error message. */
  private static final Pattern MIC_IDENTITY_IDS = Pattern.compile("'(,?(?i)/subscriptions/[a-zA-Z0-9-_]+/"
      + "resourcegroups/[a-zA-Z0-9-_]+/providers/Microsoft.ManagedIdentity/userAssignedIdentities/[a-zA-Z0-9-_]+)+'");

  private static SimulatedAzure azure;
  private static VirtualMachinesClient vms;
  private static VirtualMachineScaleSetsClient scaleSets;
  private static int counter;

  @BeforeAll
  static void start() {
    azure = new SimulatedAzure();
    vms = azure.compute().serviceClient().getVirtualMachines();
    scaleSets = azure.compute().serviceClient().getVirtualMachineScaleSets();
  }

  @AfterAll
  static void stop() {
    azure.close();
  }

  @BeforeEach
  void immediateOperations() {
    azure.sim.operations().clearPlans();
    azure.sim.operations().defaultPlan(LroPlan.immediate());
  }

  @Test
  void patchesUserAssignedIdentityOntoVmThroughLongRunningOperation() {
    azure.sim.operations().plan("vm_patch", LroPlan.afterPolls(1));
    VirtualMachine vm = newVm();
    assertThat(vms.getByResourceGroup(azure.group.name(), vm.id().name()).identity()).isNull();
    long polls = azure.sim.counters().get("compute_operation");

    VirtualMachineInner after = vms.update(azure.group.name(), vm.id().name(), vmIdentity(ResourceIdentityType
        .USER_ASSIGNED, Map.of(azure.identity1.id().toString(), new VirtualMachineIdentityUserAssignedIdentities())));

    assertThat(after.provisioningState()).isEqualTo("Succeeded");
    assertThat(after.identity().type()).isEqualTo(ResourceIdentityType.USER_ASSIGNED);
    assertThat(after.identity().userAssignedIdentities().values()).singleElement().satisfies(v -> {
      assertThat(v.clientId()).isEqualTo(azure.identity1.clientId());
      assertThat(v.principalId()).isEqualTo(azure.identity1.principalId());
    });
    assertThat(azure.sim.counters().get("compute_operation") - polls).isEqualTo(2);
    assertThat(azure.sim.world().virtualMachine(vm.id()).orElseThrow().provisioningState())
        .isEqualTo(ProvisioningState.SUCCEEDED);
  }

  @Test
  void patchesScaleSetIdentitiesAsDeltaWithNullRemovingOne() {
    azure.sim.operations().plan("vmss_patch", LroPlan.afterPolls(0).withHeaders(LroPlan.PollingHeaders.BOTH));
    ScaleSet ss = newScaleSet();
    scaleSets.update(azure.group.name(), ss.id().name(), vmssIdentity(ResourceIdentityType.USER_ASSIGNED, Map.of(
        azure.identity1.id().toString(), new VirtualMachineIdentityUserAssignedIdentities(),
        azure.identity2.id().toString(), new VirtualMachineIdentityUserAssignedIdentities())));
    Map<String, VirtualMachineIdentityUserAssignedIdentities> removeOne = new HashMap<>();
    removeOne.put(azure.identity1.id().toString(), null);

    scaleSets.update(azure.group.name(), ss.id().name(), vmssIdentity(ResourceIdentityType.USER_ASSIGNED, removeOne));

    VirtualMachineScaleSetInner got = scaleSets.getByResourceGroup(azure.group.name(), ss.id().name());
    assertThat(got.identity().userAssignedIdentities().keySet()).containsExactly(azure.identity2.id().toString());
    assertThat(got.provisioningState()).isEqualTo("Succeeded");
  }

  @Test
  void createsAVmWithSystemAssignedIdentityThroughPut() {
    azure.sim.operations().plan("vm_put", LroPlan.afterPolls(0));
    VirtualMachineInner created = vms.createOrUpdate(azure.group.name(), "put-vm-" + ++counter,
        new VirtualMachineInner().withLocation("westeurope").withHardwareProfile(new HardwareProfile()
            .withVmSize(VirtualMachineSizeTypes.STANDARD_D2S_V3)).withIdentity(new VirtualMachineIdentity()
                .withType(ResourceIdentityType.SYSTEM_ASSIGNED)));

    assertThat(created.provisioningState()).isEqualTo("Succeeded");
    assertThat(created.hardwareProfile().vmSize()).isEqualTo(VirtualMachineSizeTypes.STANDARD_D2S_V3);
    assertThat(created.identity().principalId()).isNotNull();
    assertThat(created.identity().tenantId()).isEqualTo(azure.tenant.id());
  }

  @Test
  void listsScaleSetInstancesAndVmsByGroupAndSubscription() {
    ScaleSet ss = newScaleSet();
    List<VirtualMachineScaleSetVMInner> instances = azure.compute().serviceClient().getVirtualMachineScaleSetVMs()
        .list(azure.group.name(), ss.id().name()).stream().toList();
    assertThat(instances).extracting(VirtualMachineScaleSetVMInner::instanceId).containsExactly("0", "1");
    assertThat(instances.get(0).osProfile().computerName()).isEqualTo(ss.id().name() + "000000");
    assertThat(scaleSets.listByResourceGroup(azure.group.name()).stream().map(VirtualMachineScaleSetInner::name))
        .contains(ss.id().name());
    Application subscriptionReader = azure.principal("subscription-reader-" + ++counter);
    azure.sim.world().assignRole(subscriptionReader.servicePrincipalId(), "Reader",
        "/subscriptions/" + azure.subscription.id());
    assertThat(azure.compute(subscriptionReader, SimulatedAzure.SECRET).serviceClient().getVirtualMachines().list()
        .stream().map(VirtualMachineInner::name)).contains(azure.vm.id().name());
  }

  @Test
  void listingTheSubscriptionNeedsReadOnTheSubscription() {
    assertThatThrownBy(() -> vms.list().stream().toList()).isInstanceOfSatisfying(ManagementException.class,
        e -> assertThat(e.getValue().getCode()).isEqualTo("AuthorizationFailed"));
  }

  @Test
  void unknownIdentityFailsTheWholePatchNamingItTheWayMicParsesIt() {
    ScaleSet ss = newScaleSet();
    String missing = azure.identity1.id().toString().replace("app-identity-1", "deleted-identity");

    assertThatThrownBy(() -> scaleSets.update(azure.group.name(), ss.id().name(), vmssIdentity(
        ResourceIdentityType.USER_ASSIGNED, Map.of(azure.identity2.id().toString(),
            new VirtualMachineIdentityUserAssignedIdentities(), missing,
            new VirtualMachineIdentityUserAssignedIdentities()))))
        .isInstanceOfSatisfying(ManagementException.class, e -> {
          assertThat(e.getResponse().getStatusCode()).isEqualTo(400);
          assertThat(e.getValue().getCode()).isEqualTo("FailedIdentityOperation");
          Matcher m = MIC_IDENTITY_IDS.matcher(e.getValue().getMessage());
          assertThat(m.find()).isTrue();
          assertThat(m.group().replace("'", "")).isEqualToIgnoringCase(missing);
        });
    assertThat(azure.sim.world().scaleSet(ss.id()).orElseThrow().identity().userAssigned()).isEmpty();
  }

  @Test
  void moreThan150IdentitiesInOneRequestAreRefused() {
    VirtualMachine vm = newVm();
    Map<String, VirtualMachineIdentityUserAssignedIdentities> many = new LinkedHashMap<>();
    for (int i = 0; i < 151; i++) {
      UserAssignedIdentity id = azure.sim.world().addUserAssignedIdentity(azure.subscription.id(), azure.group.name(),
          "bulk-" + (++counter));
      many.put(id.id().toString(), new VirtualMachineIdentityUserAssignedIdentities());
    }
    assertThatThrownBy(() -> vms.update(azure.group.name(), vm.id().name(), vmIdentity(
        ResourceIdentityType.USER_ASSIGNED, many)))
        .isInstanceOfSatisfying(ManagementException.class, e -> {
          assertThat(e.getValue().getCode()).isEqualTo("FailedIdentityOperation");
          assertThat(e.getValue().getMessage())
              .contains("User Assigned Identities Number '151' Assign exceed limit '150' in one request.");
        });
    many.remove(many.keySet().iterator().next());
    assertThat(vms.update(azure.group.name(), vm.id().name(), vmIdentity(ResourceIdentityType.USER_ASSIGNED, many))
        .identity().userAssignedIdentities()).hasSize(150);
  }

  @Test
  void attachingWithoutAssignPermissionOnTheIdentityIsLinkedAuthorizationFailed() {
    Application vmContributorOnly = azure.principal("vm-contributor-" + ++counter, "Virtual Machine Contributor");
    var client = azure.compute(vmContributorOnly, SimulatedAzure.SECRET).serviceClient().getVirtualMachines();
    VirtualMachine vm = newVm();

    assertThatThrownBy(() -> client.update(azure.group.name(), vm.id().name(), vmIdentity(
        ResourceIdentityType.USER_ASSIGNED, Map.of(azure.identity1.id().toString(),
            new VirtualMachineIdentityUserAssignedIdentities()))))
        .isInstanceOfSatisfying(ManagementException.class, e -> {
          assertThat(e.getResponse().getStatusCode()).isEqualTo(403);
          assertThat(e.getValue().getCode()).isEqualTo("LinkedAuthorizationFailed");
          assertThat(e.getValue().getMessage()).isEqualTo("The client '" + vmContributorOnly.appId()
              + "' with object id '" + vmContributorOnly.servicePrincipalId() + "' has permission to perform action "
              + "'Microsoft.Compute/virtualMachines/write' on scope '" + vm.id() + "'; however, it does not have "
              + "permission to perform action 'Microsoft.ManagedIdentity/userAssignedIdentities/assign/action' on the "
              + "linked scope(s) '" + azure.identity1.id() + "' or the linked scope(s) are invalid.");
        });
  }

  @Test
  void writingWithReadOnlyRoleIsAuthorizationFailedWhileReadingWorks() {
    Application reader = azure.principal("reader-" + ++counter, "Reader");
    var client = azure.compute(reader, SimulatedAzure.SECRET).serviceClient().getVirtualMachineScaleSets();
    ScaleSet ss = newScaleSet();
    assertThat(client.getByResourceGroup(azure.group.name(), ss.id().name()).name()).isEqualTo(ss.id().name());

    assertThatThrownBy(() -> client.update(azure.group.name(), ss.id().name(), vmssIdentity(
        ResourceIdentityType.USER_ASSIGNED, Map.of(azure.identity1.id().toString(),
            new VirtualMachineIdentityUserAssignedIdentities()))))
        .isInstanceOfSatisfying(ManagementException.class, e -> {
          assertThat(e.getResponse().getStatusCode()).isEqualTo(403);
          assertThat(e.getValue().getCode()).isEqualTo("AuthorizationFailed");
          assertThat(e.getValue().getMessage()).isEqualTo("The client '" + reader.appId() + "' with object id '"
              + reader.servicePrincipalId() + "' does not have authorization to perform action "
              + "'Microsoft.Compute/virtualMachineScaleSets/write' over scope '" + ss.id() + "' or the scope is "
              + "invalid. If access was recently granted, please refresh your credentials.");
        });
  }

  @Test
  void deletedIdentityStaysOnTheVmAsStaleEntry() {
    VirtualMachine vm = newVm();
    UserAssignedIdentity doomed = azure.sim.world().addUserAssignedIdentity(azure.subscription.id(),
        azure.group.name(), "doomed-" + ++counter);
    vms.update(azure.group.name(), vm.id().name(), vmIdentity(ResourceIdentityType.USER_ASSIGNED, Map.of(
        doomed.id().toString(), new VirtualMachineIdentityUserAssignedIdentities())));

    azure.sim.world().deleteUserAssignedIdentity(doomed.id());

    assertThat(vms.getByResourceGroup(azure.group.name(), vm.id().name()).identity().userAssignedIdentities())
        .containsOnlyKeys(doomed.id().toString());
  }

  @Test
  void failedOperationRestoresThePreviousIdentities() {
    azure.sim.operations().plan("vm_patch", LroPlan.afterPolls(0).failing("InternalExecutionError",
        "An internal execution error occurred."));
    VirtualMachine vm = newVm();

    assertThatThrownBy(() -> vms.update(azure.group.name(), vm.id().name(), vmIdentity(
        ResourceIdentityType.USER_ASSIGNED, Map.of(azure.identity1.id().toString(),
            new VirtualMachineIdentityUserAssignedIdentities()))))
        .isInstanceOfSatisfying(ManagementException.class,
            e -> assertThat(e.getValue().getCode()).isEqualTo("InternalExecutionError"));
    VirtualMachine after = azure.sim.world().virtualMachine(vm.id()).orElseThrow();
    assertThat(after.identity().userAssigned()).isEmpty();
    assertThat(after.provisioningState()).isEqualTo(ProvisioningState.FAILED);
  }

  @Test
  void vmBeingDeletedRefusesUpdates() {
    VirtualMachine vm = newVm();
    azure.sim.world().setProvisioningState(vm.id(), ProvisioningState.DELETING);
    assertThatThrownBy(() -> vms.update(azure.group.name(), vm.id().name(), vmIdentity(ResourceIdentityType.NONE,
        null))).isInstanceOfSatisfying(ManagementException.class, e -> {
          assertThat(e.getResponse().getStatusCode()).isEqualTo(409);
          assertThat(e.getValue().getCode()).isEqualTo("OperationNotAllowed");
          assertThat(e.getValue().getMessage()).contains("since the VM is marked for deletion");
        });
  }

  private static VirtualMachine newVm() {
    return azure.sim.world().addVirtualMachine(azure.subscription.id(), azure.group.name(), "vm-" + ++counter);
  }

  private static ScaleSet newScaleSet() {
    return azure.sim.world().addScaleSet(azure.subscription.id(), azure.group.name(), "vmss-" + ++counter, 2);
  }

  private static VirtualMachineUpdateInner vmIdentity(ResourceIdentityType type,
      Map<String, VirtualMachineIdentityUserAssignedIdentities> ids) {
    return new VirtualMachineUpdateInner().withIdentity(new VirtualMachineIdentity().withType(type)
        .withUserAssignedIdentities(ids));
  }

  private static VirtualMachineScaleSetUpdate vmssIdentity(ResourceIdentityType type,
      Map<String, VirtualMachineIdentityUserAssignedIdentities> ids) {
    return new VirtualMachineScaleSetUpdate().withIdentity(new VirtualMachineScaleSetIdentity().withType(type)
        .withUserAssignedIdentities(ids));
  }
}
