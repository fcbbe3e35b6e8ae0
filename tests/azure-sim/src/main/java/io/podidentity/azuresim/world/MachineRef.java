package io.podidentity.azuresim.world;

import java.util.Locale;

/**
 * Names one machine that has its own IMDS: a standalone VM ({@code instanceId} null) or one instance of a scale set.
 */
public record MachineRef(ResourceId resource, String instanceId) {

  public static MachineRef vm(ResourceId vm) {
    return new MachineRef(vm, null);
  }

  public static MachineRef instance(ResourceId scaleSet, String instanceId) {
    return new MachineRef(scaleSet, instanceId);
  }

  public boolean isScaleSetInstance() {
    return instanceId != null;
  }

  /** The machine's own ARM id ({@code .../virtualMachineScaleSets/{ss}/virtualMachines/{i}} for an instance). */
  public String armId() {
    return isScaleSetInstance() ? resource + "/virtualMachines/" + instanceId : resource.toString();
  }

  public String key() {
    return armId().toLowerCase(Locale.ROOT);
  }
}
