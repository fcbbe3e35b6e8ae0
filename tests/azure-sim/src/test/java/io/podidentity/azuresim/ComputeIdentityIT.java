package io.podidentity.azuresim;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineUpdateInner;
import com.azure.resourcemanager.compute.models.ResourceIdentityType;
import com.azure.resourcemanager.compute.models.VirtualMachineIdentity;
import com.azure.resourcemanager.compute.models.VirtualMachineIdentityUserAssignedIdentities;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComputeIdentityIT {
  private static SimulatedAzure azure;

  @BeforeAll
  static void start() {
    azure = new SimulatedAzure();
  }

  @AfterAll
  static void stop() {
    azure.close();
  }

  @Test
  void patchesUserAssignedIdentityOntoVmThroughLongRunningOperation() {
    var vms = azure.compute().serviceClient().getVirtualMachines();
    VirtualMachineInner before = vms.getByResourceGroup(azure.group.name(), azure.vm.id().name());
    assertThat(before.identity()).isNull();

    VirtualMachineInner after = vms.update(azure.group.name(), azure.vm.id().name(), new VirtualMachineUpdateInner()
        .withIdentity(new VirtualMachineIdentity().withType(ResourceIdentityType.USER_ASSIGNED)
            .withUserAssignedIdentities(Map.of(azure.identity1.id().toString(),
                new VirtualMachineIdentityUserAssignedIdentities()))));

    assertThat(after.provisioningState()).isEqualTo("Succeeded");
    assertThat(after.identity().userAssignedIdentities()).hasSize(1);
    assertThat(after.identity().userAssignedIdentities().values().iterator().next().clientId())
        .isEqualTo(azure.identity1.clientId());
  }
}
