package io.podidentity.mic.arm;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.util.Context;
import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineScaleSetInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineUpdateInner;
import com.azure.resourcemanager.compute.implementation.ComputeManagementClientBuilder;
import com.azure.resourcemanager.compute.models.ResourceIdentityType;
import com.azure.resourcemanager.compute.models.VirtualMachineIdentity;
import com.azure.resourcemanager.compute.models.VirtualMachineIdentityUserAssignedIdentities;
import com.azure.resourcemanager.compute.models.VirtualMachineScaleSetIdentity;
import com.azure.resourcemanager.compute.models.VirtualMachineScaleSetUpdate;
import io.podidentity.common.plan.ComputeTarget;
import io.podidentity.common.plan.HolderIdentity;
import io.podidentity.common.plan.IdentityPatch;
import io.podidentity.mic.azure.CloudConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * azure-resourcemanager-compute's inner clients ({@code VirtualMachinesClient}, {@code
 * VirtualMachineScaleSetsClient}), one management client per subscription, on a pipeline of our own: the connection's
 * credential and trust, MIC's user agent, retries without 429, and the throttling observer. Reads and writes only
 * the identity block; an update sends the delta PATCH body alone and waits for the long-running operation.
 */
public final class ComputeClients {
  private final CloudConnection connection;
  private final HttpPipeline pipeline;
  private final Duration pollInterval;
  private final Map<String, ComputeManagementClient> bySubscription = new ConcurrentHashMap<>();

  /** What a GET found. */
  record Found(HolderIdentity identity, boolean deleting) {}

  /**
   * How clients are built for each (re)loaded connection, sharing the throttle gates.
   *
   * @param honourBudgets also hold calls back on spent {@code x-ms-ratelimit-remaining-*} budgets
   */
  public static java.util.function.Function<CloudConnection, ComputeClients> factory(ThrottleGates gates,
      java.time.Clock clock, boolean honourBudgets, String userAgent, Duration pollInterval) {
    RateLimitPolicy rateLimits = new RateLimitPolicy(gates, clock, honourBudgets);
    return connection -> new ComputeClients(connection, rateLimits, userAgent, pollInterval);
  }

  ComputeClients(CloudConnection connection, RateLimitPolicy rateLimits, String userAgent, Duration pollInterval) {
    this.connection = connection;
    this.pollInterval = pollInterval;
    this.pipeline = new HttpPipelineBuilder().httpClient(connection.httpClient()).policies(
        new UserAgentPolicy(userAgent), new RequestIdPolicy(), new RetryPolicy(new NoThrottleRetry()),
        new BearerTokenAuthenticationPolicy(connection.credential(), connection.environment().armScope()),
        rateLimits).build();
  }

  Found read(ComputeTarget target) {
    if (target.isScaleSet()) {
      VirtualMachineScaleSetInner vmss = client(target).getVirtualMachineScaleSets()
          .getByResourceGroupWithResponse(target.resourceGroup(), target.name(), null, Context.NONE).getValue();
      VirtualMachineScaleSetIdentity identity = vmss.identity();
      return new Found(holder(identity == null ? null : identity.type(),
          identity == null ? null : identity.userAssignedIdentities()), deleting(vmss.provisioningState()));
    }
    VirtualMachineInner vm = client(target).getVirtualMachines()
        .getByResourceGroupWithResponse(target.resourceGroup(), target.name(), null, Context.NONE).getValue();
    VirtualMachineIdentity identity = vm.identity();
    return new Found(holder(identity == null ? null : identity.type(),
        identity == null ? null : identity.userAssignedIdentities()), deleting(vm.provisioningState()));
  }

  HolderIdentity update(ComputeTarget target, IdentityPatch patch) {
    ResourceIdentityType type = ResourceIdentityType.fromString(patch.type());
    Map<String, VirtualMachineIdentityUserAssignedIdentities> ids = delta(patch);
    if (target.isScaleSet()) {
      VirtualMachineScaleSetUpdate body = new VirtualMachineScaleSetUpdate()
          .withIdentity(new VirtualMachineScaleSetIdentity().withType(type).withUserAssignedIdentities(ids));
      VirtualMachineScaleSetIdentity after = client(target).getVirtualMachineScaleSets()
          .update(target.resourceGroup(), target.name(), body, null, null, Context.NONE).identity();
      return holder(after == null ? null : after.type(), after == null ? null : after.userAssignedIdentities());
    }
    VirtualMachineUpdateInner body = new VirtualMachineUpdateInner()
        .withIdentity(new VirtualMachineIdentity().withType(type).withUserAssignedIdentities(ids));
    VirtualMachineIdentity after = client(target).getVirtualMachines()
        .update(target.resourceGroup(), target.name(), body, null, null, Context.NONE).identity();
    return holder(after == null ? null : after.type(), after == null ? null : after.userAssignedIdentities());
  }

  // Attach as {}, detach as null; an empty delta leaves the field out (type None or SystemAssigned detaches all).
  private static Map<String, VirtualMachineIdentityUserAssignedIdentities> delta(IdentityPatch patch) {
    if (patch.userAssignedIdentities().isEmpty()) {
      return null;
    }
    Map<String, VirtualMachineIdentityUserAssignedIdentities> ids = new LinkedHashMap<>();
    patch.userAssignedIdentities().forEach((id, attach) ->
        ids.put(id, attach ? new VirtualMachineIdentityUserAssignedIdentities() : null));
    return ids;
  }

  private static HolderIdentity holder(ResourceIdentityType type,
      Map<String, VirtualMachineIdentityUserAssignedIdentities> ids) {
    return new HolderIdentity(type == null ? "" : type.toString(), ids == null ? Set.of() : new HashMap<>(ids)
        .keySet());
  }

  private static boolean deleting(String provisioningState) {
    return "Deleting".equalsIgnoreCase(provisioningState);
  }

  private ComputeManagementClient client(ComputeTarget target) {
    return bySubscription.computeIfAbsent(target.subscriptionId(), subscription -> new ComputeManagementClientBuilder()
        .pipeline(pipeline).endpoint(connection.environment().resourceManagerEndpoint())
        .environment(AzureEnvironment.AZURE).subscriptionId(subscription).defaultPollInterval(pollInterval)
        .buildClient());
  }
}
