package io.podidentity.azuresim.arm;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.world.MachineOptions;
import io.podidentity.azuresim.world.ResourceId;
import io.podidentity.azuresim.world.ScaleSet;
import io.podidentity.azuresim.world.World;
import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@code Microsoft.Compute/virtualMachineScaleSets} for the shared Compute request flow. */
public final class ScaleSetKind extends ComputeKind<ScaleSet> {
  public ScaleSetKind() {
    super("virtualMachineScaleSets", "vmss", "VM scale set", ComputePolicy.GET_VMSS, ComputePolicy.LIST_VMSS,
        ComputePolicy.PUT_VMSS, ComputePolicy.UPDATE_VMSS);
  }

  @Override
  public ResourceId resourceId(String subscriptionId, String resourceGroup, String name) {
    return ResourceId.scaleSet(subscriptionId, resourceGroup, name);
  }

  @Override
  public Optional<ScaleSet> find(World world, ResourceId id) {
    return world.compute().scaleSet(id);
  }

  @Override
  public Collection<ScaleSet> all(World world) {
    return world.compute().scaleSets();
  }

  @Override
  public Optional<ScaleSet> update(World world, ResourceId id, UnaryOperator<ScaleSet> change) {
    return world.compute().updateScaleSet(id, change);
  }

  @Override
  public ScaleSet withModel(ScaleSet ss, JsonObject body, boolean replace) {
    JsonObject properties = ModelFields.properties(body);
    JsonObject extra = replace ? properties : JsonMergePatch.apply(ss.extraProperties(), properties);
    return ss.withModel(ModelFields.skuName(body).orElse(ss.vmSize()), ModelFields.tags(body, ss.tags()), extra);
  }

  @Override
  public ScaleSet create(World world, ResourceId id, JsonObject body) {
    return world.addScaleSet(id.subscriptionId(), id.resourceGroup(), id.name(),
        ModelFields.skuCapacity(body).orElse(0), MachineOptions.DEFAULTS.withLocation(Json.string(body, "location")
            .orElseThrow()));
  }

  @Override
  public JsonObject json(ScaleSet ss) {
    return ComputeJson.scaleSet(ss);
  }
}
