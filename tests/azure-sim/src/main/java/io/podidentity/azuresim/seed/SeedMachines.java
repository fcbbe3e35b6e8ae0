package io.podidentity.azuresim.seed;

import io.podidentity.azuresim.world.ResourceId;
import io.podidentity.azuresim.world.ScaleSet;
import io.podidentity.azuresim.world.VirtualMachine;
import io.podidentity.azuresim.world.World;

/** The VM and scale-set part of a seed file: machines, their IMDS bindings and pre-attached identities. */
final class SeedMachines {
  private SeedMachines() {}

  static void virtualMachine(World world, SeedReader v) {
    VirtualMachine vm = world.addVirtualMachine(v.required("subscriptionId"), v.required("resourceGroup"),
        v.required("name"), SeedFile.options(v));
    attach(world, vm.id(), v);
  }

  static void scaleSet(World world, SeedReader s) {
    ScaleSet ss = world.addScaleSet(s.required("subscriptionId"), s.required("resourceGroup"), s.required("name"),
        s.integer("instances", 1), SeedFile.options(s));
    attach(world, ss.id(), s);
  }

  private static void attach(World world, ResourceId machine, SeedReader m) {
    for (String identity : m.strings("userAssignedIdentities")) {
      world.attachIdentity(machine, ResourceId.parse(identity)
          .orElseThrow(() -> new IllegalArgumentException("invalid identity id " + identity)));
    }
  }
}
