package io.podidentity.common.model;

/**
 * The Azure compute resource a node runs on, read from its {@code spec.providerID} by {@link ProviderId}. MIC
 * attaches identities to a standalone VM itself but to a scale-set VM's whole scale set, since VMSS identity is a
 * scale-set-wide property; {@link #identityHolderId()} names the resource to update.
 */
public sealed interface ComputeRef {

  String subscriptionId();

  String resourceGroup();

  /** The ARM ID of the resource whose identity list MIC reads and patches for this node. */
  String identityHolderId();

  /** A VM outside any scale set (availability set or single VM); its name is the node's VM name. */
  record StandaloneVm(String subscriptionId, String resourceGroup, String name) implements ComputeRef {
    public StandaloneVm {
      Names.requireNonBlank(subscriptionId, "subscriptionId");
      Names.requireNonBlank(resourceGroup, "resourceGroup");
      Names.requireNonBlank(name, "name");
    }

    @Override
    public String identityHolderId() {
      return armId(subscriptionId, resourceGroup, "virtualMachines", name);
    }
  }

  /** One instance of a virtual machine scale set. */
  record ScaleSetVm(String subscriptionId, String resourceGroup, String scaleSet, String instanceId)
      implements ComputeRef {
    public ScaleSetVm {
      Names.requireNonBlank(subscriptionId, "subscriptionId");
      Names.requireNonBlank(resourceGroup, "resourceGroup");
      Names.requireNonBlank(scaleSet, "scaleSet");
      Names.requireNonBlank(instanceId, "instanceId");
    }

    /** The scale set's ARM ID: every instance of a scale set shares one identity list. */
    @Override
    public String identityHolderId() {
      return armId(subscriptionId, resourceGroup, "virtualMachineScaleSets", scaleSet);
    }
  }

  private static String armId(String subscriptionId, String resourceGroup, String type, String name) {
    return "/subscriptions/"
        + subscriptionId
        + "/resourceGroups/"
        + resourceGroup
        + "/providers/Microsoft.Compute/"
        + type
        + "/"
        + name;
  }
}
