package io.podidentity.azuresim.arm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.world.MachineIdentity;
import io.podidentity.azuresim.world.ScaleSet;
import io.podidentity.azuresim.world.ScaleSetInstance;
import io.podidentity.azuresim.world.VirtualMachine;
import java.util.Map;

/**
 * The Compute wire shapes (api-version 2025-04-01): virtual machine, scale set and scale-set VM, with the identity
 * block as ARM renders it ({@code principalId}/{@code tenantId} of the system-assigned identity, and each user-assigned
 * identity's {@code principalId}/{@code clientId} filled in by the service). A resource without identity has no
 * {@code identity} member.
 */
public final class ComputeJson {
  private ComputeJson() {}

  public static JsonObject identity(MachineIdentity identity) {
    JsonObject block = new JsonObject();
    block.addProperty("type", identity.type());
    if (identity.system() != null) {
      block.addProperty("principalId", identity.system().principalId());
      block.addProperty("tenantId", identity.system().tenantId());
    }
    if (!identity.userAssigned().isEmpty()) {
      JsonObject map = new JsonObject();
      identity.userAssigned().values().forEach(a -> map.add(a.resourceId(),
          Json.object(Map.of("principalId", a.principalId(), "clientId", a.clientId()))));
      block.add("userAssignedIdentities", map);
    }
    return block;
  }

  public static JsonObject vm(VirtualMachine vm) {
    JsonObject properties = vm.extraProperties();
    properties.addProperty("vmId", vm.vmId());
    merge(properties, "hardwareProfile", Json.object(Map.of("vmSize", vm.vmSize())));
    merge(properties, "osProfile", Json.object(Map.of("computerName", vm.computerName())));
    properties.addProperty("provisioningState", vm.provisioningState().wire());
    JsonObject body = envelope(vm.id().name(), vm.id().toString(), vm.id().fullType(), vm.location(), vm.tags());
    addIdentity(body, vm.identity());
    body.add("properties", properties);
    return body;
  }

  public static JsonObject scaleSet(ScaleSet ss) {
    JsonObject body = envelope(ss.id().name(), ss.id().toString(), ss.id().fullType(), ss.location(), ss.tags());
    body.add("sku", Json.object(Map.of("name", ss.vmSize(), "tier", "Standard", "capacity", ss.instances().size())));
    addIdentity(body, ss.identity());
    JsonObject properties = ss.extraProperties();
    properties.addProperty("singlePlacementGroup", true);
    properties.addProperty("orchestrationMode", "Uniform");
    merge(properties, "upgradePolicy", Json.object(Map.of("mode", "Manual")));
    merge(properties, "virtualMachineProfile", Json.object(Map.of("osProfile",
        Map.of("computerNamePrefix", ss.id().name()))));
    properties.addProperty("provisioningState", ss.provisioningState().wire());
    properties.addProperty("overprovision", false);
    properties.addProperty("uniqueId", ss.uniqueId());
    body.add("properties", properties);
    return body;
  }

  public static JsonObject scaleSetVm(ScaleSet ss, ScaleSetInstance instance) {
    JsonObject body = envelope(ss.id().name() + "_" + instance.instanceId(), ss.id() + "/virtualMachines/"
        + instance.instanceId(), ss.id().fullType() + "/virtualMachines", ss.location(), ss.tags());
    body.addProperty("instanceId", instance.instanceId());
    body.add("sku", Json.object(Map.of("name", ss.vmSize(), "tier", "Standard")));
    JsonObject properties = new JsonObject();
    properties.addProperty("latestModelApplied", true);
    properties.addProperty("vmId", instance.vmId());
    properties.add("hardwareProfile", Json.object(Map.of("vmSize", ss.vmSize())));
    properties.add("osProfile", Json.object(Map.of("computerName", instance.computerName())));
    properties.addProperty("provisioningState", ss.provisioningState() == io.podidentity.azuresim.world
        .ProvisioningState.DELETING ? "Deleting" : "Succeeded");
    body.add("properties", properties);
    return body;
  }

  private static JsonObject envelope(String name, String id, String type, String location, Map<String, String> tags) {
    JsonObject body = new JsonObject();
    body.addProperty("name", name);
    body.addProperty("id", id);
    body.addProperty("type", type);
    body.addProperty("location", location);
    body.add("tags", Json.element(tags));
    return body;
  }

  private static void addIdentity(JsonObject body, MachineIdentity identity) {
    if (identity.system() != null || !identity.userAssigned().isEmpty()) {
      body.add("identity", identity(identity));
    }
  }

  /** Sets {@code member} to {@code base} overlaid with what the stored properties already had there. */
  private static void merge(JsonObject properties, String member, JsonObject base) {
    JsonElement existing = properties.get(member);
    if (existing != null && existing.isJsonObject()) {
      existing.getAsJsonObject().entrySet().forEach(e -> base.add(e.getKey(), e.getValue()));
    }
    properties.add(member, base);
  }
}
