package io.podidentity.azuresim.world;

/** Told when a machine with its own IMDS appears or disappears, so its IMDS listener can follow. */
public interface MachineListener {
  void machineAdded(MachineRef machine, ImdsBinding binding);

  void machineRemoved(MachineRef machine);
}
