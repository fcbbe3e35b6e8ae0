package io.podidentity.azuresim.arm;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.world.MachineOptions;
import io.podidentity.azuresim.world.ResourceId;
import io.podidentity.azuresim.world.VirtualMachine;
import io.podidentity.azuresim.world.World;
import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@code Microsoft.Compute/virtualMachines} for the shared Compute request flow. */
public final class VirtualMachineKind extends ComputeKind<VirtualMachine> {
  public VirtualMachineKind() {
    super("virtualMachines", "vm", "VM", ComputePolicy.GET_VM, ComputePolicy.LIST_VMS, ComputePolicy.PUT_VM,
        ComputePolicy.UPDATE_VM);
  }

  @Override
  public ResourceId resourceId(String subscriptionId, String resourceGroup, String name) {
    return ResourceId.virtualMachine(subscriptionId, resourceGroup, name);
  }

  @Override
  public Optional<VirtualMachine> find(World world, ResourceId id) {
    return world.compute().vm(id);
  }

  @Override
  public Collection<VirtualMachine> all(World world) {
    return world.compute().vms();
  }

  @Override
  public Optional<VirtualMachine> update(World world, ResourceId id, UnaryOperator<VirtualMachine> change) {
    return world.compute().updateVm(id, change);
  }

  @Override
  public VirtualMachine withModel(VirtualMachine vm, JsonObject body, boolean replace) {
    JsonObject properties = ModelFields.properties(body);
    String size = ModelFields.vmSize(properties).orElse(vm.vmSize());
    JsonObject extra = replace ? properties : JsonMergePatch.apply(vm.extraProperties(), properties);
    return vm.withModel(size, ModelFields.tags(body, vm.tags()), extra);
  }

  @Override
  public VirtualMachine create(World world, ResourceId id, JsonObject body) {
    return world.addVirtualMachine(id.subscriptionId(), id.resourceGroup(), id.name(),
        MachineOptions.DEFAULTS.withLocation(Json.string(body, "location").orElseThrow()));
  }

  @Override
  public JsonObject json(VirtualMachine vm) {
    return ComputeJson.vm(vm);
  }
}
