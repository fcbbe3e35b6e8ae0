package io.podidentity.azuresim.world;

/** The ARM provisioning states a VM or scale set moves through in the simulator. */
public enum ProvisioningState {
  CREATING("Creating"),
  UPDATING("Updating"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  DELETING("Deleting");

  private final String wire;

  ProvisioningState(String wire) {
    this.wire = wire;
  }

  /** The string ARM puts in {@code properties.provisioningState}. */
  public String wire() {
    return wire;
  }
}
