package io.podidentity.common.plan;

import io.podidentity.common.model.ComputeRef;
import java.util.Locale;
import java.util.Objects;

/**
 * The Azure resource whose identity list MIC reads and patches for a node: the VM itself, or the whole scale set of a
 * scale-set VM (VMSS identities are a scale-set-wide property, so all its nodes share one batch). ARM names ignore
 * case, so equality does too.
 */
public record ComputeTarget(Kind kind, String subscriptionId, String resourceGroup, String name) {

  /** Which ARM resource type the target is. */
  public enum Kind {
    VIRTUAL_MACHINE("virtualMachines"),
    SCALE_SET("virtualMachineScaleSets");

    private final String armType;

    Kind(String armType) {
      this.armType = armType;
    }

    /** The type segment in an ARM ID. */
    public String armType() {
      return armType;
    }
  }

  public ComputeTarget {
    Objects.requireNonNull(kind, "kind");
    requireText(subscriptionId, "subscriptionId");
    requireText(resourceGroup, "resourceGroup");
    requireText(name, "name");
  }

  /** The target of a node's compute resource: a standalone VM or its scale set. */
  public static ComputeTarget of(ComputeRef compute) {
    return switch (compute) {
      case ComputeRef.StandaloneVm vm ->
          new ComputeTarget(Kind.VIRTUAL_MACHINE, vm.subscriptionId(), vm.resourceGroup(), vm.name());
      case ComputeRef.ScaleSetVm vmss ->
          new ComputeTarget(Kind.SCALE_SET, vmss.subscriptionId(), vmss.resourceGroup(), vmss.scaleSet());
    };
  }

  public boolean isScaleSet() {
    return kind == Kind.SCALE_SET;
  }

  /** The ARM ID, e.g. {@code /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm}. */
  public String armId() {
    return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
        + "/providers/Microsoft.Compute/" + kind.armType() + "/" + name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ComputeTarget that
        && kind == that.kind
        && subscriptionId.equalsIgnoreCase(that.subscriptionId)
        && resourceGroup.equalsIgnoreCase(that.resourceGroup)
        && name.equalsIgnoreCase(that.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, armId().toLowerCase(Locale.ROOT));
  }

  /** {@code vm <rg>/<name>} or {@code vmss <rg>/<name>}, the form log lines use. */
  @Override
  public String toString() {
    return (isScaleSet() ? "vmss " : "vm ") + resourceGroup + "/" + name;
  }

  private static void requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
  }
}
