package io.podidentity.azuresim.world;

/**
 * What VMs and scale sets have in common for ARM: an id, a location, an identity block and a provisioning state.
 *
 * @param <T> the implementing record, so the {@code with} methods return it
 */
public interface ComputeResource<T extends ComputeResource<T>> {
  ResourceId id();

  String location();

  MachineIdentity identity();

  ProvisioningState provisioningState();

  T withIdentity(MachineIdentity next);

  T withProvisioningState(ProvisioningState next);
}
