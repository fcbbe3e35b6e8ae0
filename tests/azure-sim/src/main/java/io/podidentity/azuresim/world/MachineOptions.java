package io.podidentity.azuresim.world;

import java.util.List;
import java.util.Map;

/**
 * Optional settings when seeding a VM or scale set. {@code imds} lists the IMDS bindings in instance order (a VM uses
 * the first); missing entries default to loopback with a free port.
 */
public record MachineOptions(String location, String vmSize, boolean systemAssigned, Map<String, String> tags,
    List<ImdsBinding> imds) {

  public static final MachineOptions DEFAULTS =
      new MachineOptions("westeurope", "Standard_DS2_v2", false, Map.of(), List.of());

  public MachineOptions {
    tags = Map.copyOf(tags);
    imds = List.copyOf(imds);
  }

  public MachineOptions withSystemAssigned(boolean enabled) {
    return new MachineOptions(location, vmSize, enabled, tags, imds);
  }

  public MachineOptions withLocation(String next) {
    return new MachineOptions(next, vmSize, systemAssigned, tags, imds);
  }

  public MachineOptions withImds(List<ImdsBinding> next) {
    return new MachineOptions(location, vmSize, systemAssigned, tags, next);
  }

  ImdsBinding imdsAt(int index) {
    return index < imds.size() ? imds.get(index) : ImdsBinding.LOOPBACK_ANY_PORT;
  }
}
