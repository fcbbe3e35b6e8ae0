package io.podidentity.azuresim.imds;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.world.MachineRef;
import io.podidentity.azuresim.world.ScaleSet;
import io.podidentity.azuresim.world.ScaleSetInstance;
import io.podidentity.azuresim.world.VirtualMachine;
import io.podidentity.azuresim.world.World;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code /metadata/instance} document of a machine: {@code compute} and {@code network} with the members the
 * documentation shows, every primitive a string and inapplicable values empty strings.
 */
public final class InstanceMetadata {
  private InstanceMetadata() {}

  public static Optional<JsonObject> of(World world, MachineRef machine) {
    if (machine.isScaleSetInstance()) {
      return world.scaleSet(machine.resource()).flatMap(ss -> ss.instances().stream()
          .filter(i -> i.instanceId().equals(machine.instanceId())).findFirst()
          .map(i -> document(scaleSetCompute(ss, i, machine), i.privateIp(), i.macAddress())));
    }
    return world.virtualMachine(machine.resource())
        .map(vm -> document(vmCompute(vm), vm.privateIp(), vm.macAddress()));
  }

  private static JsonObject vmCompute(VirtualMachine vm) {
    JsonObject compute = common(vm.id().subscriptionId(), vm.id().resourceGroup(), vm.location(), vm.tags());
    compute.addProperty("name", vm.id().name());
    compute.addProperty("resourceId", vm.id().toString());
    compute.addProperty("vmId", vm.vmId());
    compute.addProperty("vmScaleSetName", "");
    compute.addProperty("vmSize", vm.vmSize());
    compute.add("osProfile", osProfile(vm.computerName()));
    return compute;
  }

  private static JsonObject scaleSetCompute(ScaleSet ss, ScaleSetInstance instance, MachineRef machine) {
    JsonObject compute = common(ss.id().subscriptionId(), ss.id().resourceGroup(), ss.location(), ss.tags());
    compute.addProperty("name", ss.id().name() + "_" + instance.instanceId());
    compute.addProperty("resourceId", machine.armId());
    compute.addProperty("vmId", instance.vmId());
    compute.addProperty("vmScaleSetName", ss.id().name());
    compute.addProperty("vmSize", ss.vmSize());
    compute.add("osProfile", osProfile(instance.computerName()));
    return compute;
  }

  private static JsonObject common(String subscription, String group, String location, Map<String, String> tags) {
    JsonObject compute = new JsonObject();
    compute.addProperty("azEnvironment", "AzurePublicCloud");
    compute.addProperty("location", location);
    compute.addProperty("offer", "");
    compute.addProperty("osType", "Linux");
    compute.addProperty("placementGroupId", "");
    compute.addProperty("platformFaultDomain", "0");
    compute.addProperty("platformUpdateDomain", "0");
    compute.addProperty("provider", "Microsoft.Compute");
    compute.addProperty("publisher", "");
    compute.addProperty("resourceGroupName", group);
    compute.addProperty("sku", "");
    compute.addProperty("subscriptionId", subscription);
    compute.addProperty("tags", tags.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(";")));
    compute.add("tagsList", Json.array(tags.entrySet().stream()
        .map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList()));
    compute.addProperty("version", "");
    compute.addProperty("zone", "");
    return compute;
  }

  private static JsonObject osProfile(String computerName) {
    return Json.object(Map.of("adminUsername", "azureuser", "computerName", computerName,
        "disablePasswordAuthentication", "true"));
  }

  private static JsonObject document(JsonObject compute, String privateIp, String mac) {
    JsonObject ipv4 = new JsonObject();
    ipv4.add("ipAddress", Json.array(List.of(Map.of("privateIpAddress", privateIp, "publicIpAddress", ""))));
    ipv4.add("subnet", Json.array(List.of(Map.of("address", "10.240.0.0", "prefix", "16"))));
    JsonObject nic = new JsonObject();
    nic.add("ipv4", ipv4);
    nic.add("ipv6", Json.object(Map.of("ipAddress", List.of())));
    nic.addProperty("macAddress", mac);
    JsonObject document = new JsonObject();
    document.add("compute", compute);
    document.add("network", Json.object(Map.of("interface", List.of(nic))));
    return document;
  }
}
