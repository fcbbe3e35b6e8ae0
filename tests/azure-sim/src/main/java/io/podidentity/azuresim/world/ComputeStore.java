package io.podidentity.azuresim.world;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The VMs and scale sets. Updates are atomic per resource ({@link ConcurrentHashMap#computeIfPresent}), so
 * concurrent PATCHes of one scale set apply one after the other, as ARM serialises operations on a resource.
 */
public final class ComputeStore {
  private final Map<String, VirtualMachine> vms = new ConcurrentHashMap<>();
  private final Map<String, ScaleSet> scaleSets = new ConcurrentHashMap<>();
  private final List<MachineListener> listeners = new CopyOnWriteArrayList<>();

  public void addListener(MachineListener listener) {
    listeners.add(listener);
  }

  public VirtualMachine put(VirtualMachine vm) {
    boolean isNew = vms.put(vm.id().key(), vm) == null;
    if (isNew) {
      listeners.forEach(l -> l.machineAdded(MachineRef.vm(vm.id()), vm.imds()));
    }
    return vm;
  }

  public ScaleSet put(ScaleSet scaleSet) {
    ScaleSet previous = scaleSets.put(scaleSet.id().key(), scaleSet);
    List<ScaleSetInstance> before = previous == null ? List.of() : previous.instances();
    for (ScaleSetInstance instance : scaleSet.instances()) {
      if (before.stream().noneMatch(b -> b.instanceId().equals(instance.instanceId()))) {
        listeners.forEach(l -> l.machineAdded(MachineRef.instance(scaleSet.id(), instance.instanceId()),
            instance.imds()));
      }
    }
    return scaleSet;
  }

  public Optional<VirtualMachine> vm(ResourceId id) {
    return Optional.ofNullable(vms.get(id.key()));
  }

  public Optional<ScaleSet> scaleSet(ResourceId id) {
    return Optional.ofNullable(scaleSets.get(id.key()));
  }

  public Optional<VirtualMachine> updateVm(ResourceId id, UnaryOperator<VirtualMachine> change) {
    return Optional.ofNullable(vms.computeIfPresent(id.key(), (k, vm) -> change.apply(vm)));
  }

  public Optional<ScaleSet> updateScaleSet(ResourceId id, UnaryOperator<ScaleSet> change) {
    return Optional.ofNullable(scaleSets.computeIfPresent(id.key(), (k, ss) -> change.apply(ss)));
  }

  public void removeVm(ResourceId id) {
    if (vms.remove(id.key()) != null) {
      listeners.forEach(l -> l.machineRemoved(MachineRef.vm(id)));
    }
  }

  public void removeScaleSet(ResourceId id) {
    ScaleSet removed = scaleSets.remove(id.key());
    if (removed != null) {
      removed.instances().forEach(i -> listeners.forEach(l -> l.machineRemoved(MachineRef.instance(id,
          i.instanceId()))));
    }
  }

  public Collection<VirtualMachine> vms() {
    return List.copyOf(vms.values());
  }

  public Collection<ScaleSet> scaleSets() {
    return List.copyOf(scaleSets.values());
  }
}
