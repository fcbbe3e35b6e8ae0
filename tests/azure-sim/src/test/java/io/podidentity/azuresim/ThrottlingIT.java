package io.podidentity.azuresim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.rest.Response;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import com.azure.resourcemanager.compute.models.ResourceIdentityType;
import com.azure.resourcemanager.compute.models.VirtualMachineIdentityUserAssignedIdentities;
import com.azure.resourcemanager.compute.models.VirtualMachineScaleSetIdentity;
import com.azure.resourcemanager.compute.models.VirtualMachineScaleSetUpdate;
import io.podidentity.azuresim.arm.LroPlan;
import io.podidentity.azuresim.time.ManualClock;
import io.podidentity.azuresim.world.ScaleSet;
import io.podidentity.azuresim.world.VirtualMachine;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ARM's and Compute's documented throttling, on a manual clock so buckets refill only when the test says. */
class ThrottlingIT {
  private static final ManualClock CLOCK = ManualClock.startingNow();
  private static SimulatedAzure azure;
  private static ComputeManagementClient compute;

  @BeforeAll
  static void start() {
    azure = new SimulatedAzure(AzureSimOptions.builder().clock(CLOCK).throttling(true).build());
    azure.sim.operations().defaultPlan(LroPlan.immediate());
    compute = azure.computeWithoutRetries(azure.mic).serviceClient();
  }

  @AfterAll
  static void stop() {
    azure.close();
  }

  @Test
  void scaleSetUpdatesAreLimitedTo12ThenOneEvery15SecondsWithRetryAfter() {
    ScaleSet ss = azure.sim.world().addScaleSet(azure.subscription.id(), azure.group.name(), "throttled-vmss", 1);
    for (int i = 0; i < 12; i++) {
      compute.getVirtualMachineScaleSets().update(azure.group.name(), ss.id().name(), attach());
    }

    assertThatThrownBy(() -> compute.getVirtualMachineScaleSets().update(azure.group.name(), ss.id().name(), attach()))
        .isInstanceOfSatisfying(ManagementException.class, e -> {
          assertThat(e.getResponse().getStatusCode()).isEqualTo(429);
          assertThat(e.getValue().getCode()).isEqualTo("OperationNotAllowed");
          assertThat(e.getResponse().getHeaders().getValue("Retry-After")).isEqualTo("15");
          assertThat(e.getResponse().getHeaders().getValue("x-ms-ratelimit-remaining-resource"))
              .startsWith("Microsoft.Compute/UpdateVMScaleSetResource;0,Microsoft.Compute/"
                  + "UpdateVMScaleSetSubscriptionMaximum;");
        });
    assertThat(azure.sim.counters().get("vmss_patch_429")).isEqualTo(1);

    CLOCK.advance(Duration.ofSeconds(15));
    assertThat(compute.getVirtualMachineScaleSets().update(azure.group.name(), ss.id().name(), attach()).name())
        .isEqualTo(ss.id().name());
  }

  @Test
  void readsReportRemainingCountsAndHitTheVmThenTheSubscriptionBucket() {
    VirtualMachine vm = azure.sim.world().addVirtualMachine(azure.subscription.id(), azure.group.name(),
        "throttled-vm");
    Response<VirtualMachineInner> first = get(vm);
    long reads = Long.parseLong(first.getHeaders().getValue("x-ms-ratelimit-remaining-subscription-reads"));
    assertThat(first.getHeaders().getValue("x-ms-ratelimit-remaining-resource"))
        .isEqualTo("Microsoft.Compute/LowCostGetResource;35,Microsoft.Compute/LowCostGetSubscriptionMaximum;23999");
    assertThat(get(vm).getHeaders().getValue("x-ms-ratelimit-remaining-subscription-reads"))
        .isEqualTo(Long.toString(reads - 1));

    ManagementException vmLimit = null;
    ManagementException subscriptionLimit = null;
    for (int i = 0; i < 260 && subscriptionLimit == null; i++) {
      try {
        get(vm);
      } catch (ManagementException e) {
        if ("SubscriptionRequestsThrottled".equals(e.getValue().getCode())) {
          subscriptionLimit = e;
        } else if (vmLimit == null) {
          vmLimit = e;
        }
      }
    }
    assertThat(vmLimit).isNotNull();
    assertThat(vmLimit.getValue().getMessage()).isEqualTo("The server rejected the request because too many "
        + "requests have been received for this subscription.");
    assertThat(subscriptionLimit).isNotNull();
    assertThat(subscriptionLimit.getResponse().getHeaders().getValue("x-ms-ratelimit-remaining-subscription-reads"))
        .isEqualTo("0");
    assertThat(subscriptionLimit.getValue().getMessage()).startsWith("Number of 'read' requests for subscription '"
        + azure.subscription.id() + "' actor '" + azure.mic.servicePrincipalId() + "' exceeded. Please try again "
        + "after '1' seconds");
    CLOCK.advance(Duration.ofMinutes(5));
  }

  private static Response<VirtualMachineInner> get(VirtualMachine vm) {
    return compute.getVirtualMachines().getByResourceGroupWithResponse(azure.group.name(), vm.id().name(), null,
        Context.NONE);
  }

  private static VirtualMachineScaleSetUpdate attach() {
    return new VirtualMachineScaleSetUpdate().withIdentity(new VirtualMachineScaleSetIdentity()
        .withType(ResourceIdentityType.USER_ASSIGNED).withUserAssignedIdentities(Map.of(
            azure.identity1.id().toString(), new VirtualMachineIdentityUserAssignedIdentities())));
  }
}
