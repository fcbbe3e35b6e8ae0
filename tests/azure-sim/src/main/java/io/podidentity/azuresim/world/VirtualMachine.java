package io.podidentity.azuresim.world;

import com.google.gson.JsonObject;
import java.util.Map;

/**
 * A standalone {@code Microsoft.Compute/virtualMachines} resource. {@code extraProperties} keeps whatever other
 * properties a client PUT or PATCHed (storage, network and OS profiles) so they round-trip unchanged.
 */
public record VirtualMachine(ResourceId id, String location, String vmId, String vmSize, String computerName,
    ProvisioningState provisioningState, MachineIdentity identity, Map<String, String> tags,
    JsonObject extraProperties, String privateIp, String macAddress, ImdsBinding imds)
    implements ComputeResource<VirtualMachine> {

  public VirtualMachine {
    tags = Map.copyOf(tags);
    extraProperties = extraProperties == null ? new JsonObject() : extraProperties.deepCopy();
  }

  @Override
  public JsonObject extraProperties() {
    return extraProperties.deepCopy();
  }

  @Override
  public VirtualMachine withIdentity(MachineIdentity next) {
    return new VirtualMachine(id, location, vmId, vmSize, computerName, provisioningState, next, tags,
        extraProperties, privateIp, macAddress, imds);
  }

  @Override
  public VirtualMachine withProvisioningState(ProvisioningState next) {
    return new VirtualMachine(id, location, vmId, vmSize, computerName, next, identity, tags, extraProperties,
        privateIp, macAddress, imds);
  }

  public VirtualMachine withModel(String nextSize, Map<String, String> nextTags, JsonObject nextExtra) {
    return new VirtualMachine(id, location, vmId, nextSize, computerName, provisioningState, identity, nextTags,
        nextExtra, privateIp, macAddress, imds);
  }
}
