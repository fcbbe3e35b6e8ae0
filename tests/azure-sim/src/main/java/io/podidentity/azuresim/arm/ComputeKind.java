package io.podidentity.azuresim.arm;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.world.ComputeResource;
import io.podidentity.azuresim.world.ResourceId;
import io.podidentity.azuresim.world.World;
import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What differs between virtual machines and scale sets for the Compute API: names, throttling policies, where they
 * live in the world and their model. The request flow itself ({@link ComputeApi}) is shared, because ARM and the
 * Compute provider treat both alike for identity updates.
 *
 * @param <T> the world record ({@code VirtualMachine} or {@code ScaleSet})
 */
public abstract class ComputeKind<T extends ComputeResource<T>> {
  private final String type;
  private final String operationPrefix;
  private final String displayName;
  private final ComputePolicy getPolicy;
  private final ComputePolicy listPolicy;
  private final ComputePolicy createPolicy;
  private final ComputePolicy updatePolicy;

  /**
   * @param type the resource type segment, e.g. {@code virtualMachines}
   * @param operationPrefix the prefix of operation names, {@code vm} or {@code vmss}
   * @param displayName how the provider names the resource in messages, e.g. {@code VM}
   */
  protected ComputeKind(String type, String operationPrefix, String displayName, ComputePolicy getPolicy,
      ComputePolicy listPolicy, ComputePolicy createPolicy, ComputePolicy updatePolicy) {
    this.type = type;
    this.operationPrefix = operationPrefix;
    this.displayName = displayName;
    this.getPolicy = getPolicy;
    this.listPolicy = listPolicy;
    this.createPolicy = createPolicy;
    this.updatePolicy = updatePolicy;
  }

  public abstract ResourceId resourceId(String subscriptionId, String resourceGroup, String name);

  public abstract Optional<T> find(World world, ResourceId id);

  public abstract Collection<T> all(World world);

  public abstract Optional<T> update(World world, ResourceId id, UnaryOperator<T> change);

  /** Applies a PATCH (merge) or PUT (replace) body's tags, size and other properties. */
  public abstract T withModel(T resource, JsonObject body, boolean replace);

  /** Adds the resource a PUT creates to the world with defaults; model and identity are applied afterwards. */
  public abstract T create(World world, ResourceId id, JsonObject body);

  public abstract JsonObject json(T resource);

  public String type() {
    return type;
  }

  public String operationPrefix() {
    return operationPrefix;
  }

  public String displayName() {
    return displayName;
  }

  public ComputePolicy getPolicy() {
    return getPolicy;
  }

  public ComputePolicy listPolicy() {
    return listPolicy;
  }

  public ComputePolicy createPolicy() {
    return createPolicy;
  }

  public ComputePolicy updatePolicy() {
    return updatePolicy;
  }

  public String fullType() {
    return ResourceId.COMPUTE + "/" + type;
  }

  public String readAction() {
    return fullType() + "/read";
  }

  public String writeAction() {
    return fullType() + "/write";
  }
}
