package io.podidentity.azuresim.arm;

/**
 * The Compute resource provider's throttling policies (docs: "Compute throttling limits"): a per-resource bucket
 * (absent for list operations, which only have subscription limits) and a per-subscription bucket, each with its
 * maximum capacity and refill per minute. Listing a scale set's VMs is charged to the scale set's high-cost GET
 * policy, which the documentation does not spell out.
 */
public enum ComputePolicy {
  GET_VM("LowCostGet", 36, 12, 24000, 8000),
  LIST_VMS("HighCostGet", 0, 0, 900, 300),
  PUT_VM("PutVM", 12, 4, 1500, 500),
  UPDATE_VM("UpdateVM", 12, 4, 1500, 500),
  DELETE_VM("DeleteVM", 12, 4, 1500, 500),
  GET_VMSS("GetVMScaleSet", 36, 12, 2400, 800),
  LIST_VMSS("HighCostGetVMScaleSet", 0, 0, 1080, 360),
  PUT_VMSS("PutVMScaleSet", 12, 4, 375, 125),
  UPDATE_VMSS("UpdateVMScaleSet", 12, 4, 1500, 500),
  LIST_VMSS_VMS("HighCostGetVMScaleSet", 30, 10, 1080, 360),
  GET_OPERATION("GetOperation", 45, 15, 15000, 5000);

  private final String bucketName;
  private final int resourceCapacity;
  private final int resourceRefillPerMinute;
  private final int subscriptionCapacity;
  private final int subscriptionRefillPerMinute;

  ComputePolicy(String bucketName, int resourceCapacity, int resourceRefillPerMinute, int subscriptionCapacity,
      int subscriptionRefillPerMinute) {
    this.bucketName = bucketName;
    this.resourceCapacity = resourceCapacity;
    this.resourceRefillPerMinute = resourceRefillPerMinute;
    this.subscriptionCapacity = subscriptionCapacity;
    this.subscriptionRefillPerMinute = subscriptionRefillPerMinute;
  }

  public String bucketName() {
    return bucketName;
  }

  public boolean hasResourceBucket() {
    return resourceCapacity > 0;
  }

  public int resourceCapacity() {
    return resourceCapacity;
  }

  public int resourceRefillPerMinute() {
    return resourceRefillPerMinute;
  }

  public int subscriptionCapacity() {
    return subscriptionCapacity;
  }

  public int subscriptionRefillPerMinute() {
    return subscriptionRefillPerMinute;
  }
}
