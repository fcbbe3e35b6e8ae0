package io.podidentity.azuresim.world;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/** A {@code Microsoft.Compute/virtualMachineScaleSets} resource with its instances. */
public record ScaleSet(ResourceId id, String location, String uniqueId, String vmSize,
    ProvisioningState provisioningState, MachineIdentity identity, Map<String, String> tags,
    JsonObject extraProperties, List<ScaleSetInstance> instances) implements ComputeResource<ScaleSet> {

  public ScaleSet {
    tags = Map.copyOf(tags);
    extraProperties = extraProperties == null ? new JsonObject() : extraProperties.deepCopy();
    instances = List.copyOf(instances);
  }

  @Override
  public JsonObject extraProperties() {
    return extraProperties.deepCopy();
  }

  @Override
  public ScaleSet withIdentity(MachineIdentity next) {
    return new ScaleSet(id, location, uniqueId, vmSize, provisioningState, next, tags, extraProperties, instances);
  }

  @Override
  public ScaleSet withProvisioningState(ProvisioningState next) {
    return new ScaleSet(id, location, uniqueId, vmSize, next, identity, tags, extraProperties, instances);
  }

  public ScaleSet withModel(String nextSize, Map<String, String> nextTags, JsonObject nextExtra) {
    return new ScaleSet(id, location, uniqueId, nextSize, provisioningState, identity, nextTags, nextExtra,
        instances);
  }

  public ScaleSet withInstances(List<ScaleSetInstance> next) {
    return new ScaleSet(id, location, uniqueId, vmSize, provisioningState, identity, tags, extraProperties, next);
  }
}
