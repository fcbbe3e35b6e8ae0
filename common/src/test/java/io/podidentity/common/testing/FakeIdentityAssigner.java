package io.podidentity.common.testing;

import io.podidentity.common.model.UserAssignedIdentityId;
import io.podidentity.common.plan.ComputeTarget;
import io.podidentity.common.plan.HolderIdentity;
import io.podidentity.common.plan.IdentityPatch;
import io.podidentity.common.port.ArmFailure;
import io.podidentity.common.port.ArmOutcome;
import io.podidentity.common.port.IdentityAssigner;
import io.podidentity.common.port.IdentityRead;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory ARM for MIC's executor: identity blocks per VM or scale set, every call recorded, and failures
 * scripted per target ({@link #failNextReads}, {@link #failNextPatches}) or per identity ({@link #makeMissing}: a
 * PATCH attaching it is refused with {@code FailedIdentityOperation} naming it, as ARM does for an identity that does
 * not exist). Like ARM, a refused PATCH changes nothing.
 */
public final class FakeIdentityAssigner implements IdentityAssigner {
  private final Map<ComputeTarget, HolderIdentity> holders = new ConcurrentHashMap<>();
  private final Map<ComputeTarget, Queue<ArmFailure>> readFailures = new ConcurrentHashMap<>();
  private final Map<ComputeTarget, Queue<ArmFailure>> patchFailures = new ConcurrentHashMap<>();
  private final Set<String> missing = ConcurrentHashMap.newKeySet();
  private final List<ArmCall> calls = new CopyOnWriteArrayList<>();

  /** Creates (or replaces) a VM or scale set with this identity block. */
  public FakeIdentityAssigner put(ComputeTarget target, HolderIdentity identity) {
    holders.put(target, identity);
    return this;
  }

  /** The identity block now; a target never put has none. */
  public HolderIdentity identity(ComputeTarget target) {
    return holders.getOrDefault(target, HolderIdentity.NONE);
  }

  /** Whether {@code id} is attached to {@code target}. */
  public boolean has(ComputeTarget target, UserAssignedIdentityId id) {
    return identity(target).has(id);
  }

  /** Detaches {@code id} behind MIC's back, as {@code az vmss identity remove} would. */
  public void detachOutOfBand(ComputeTarget target, UserAssignedIdentityId id) {
    HolderIdentity current = identity(target);
    holders.put(target, current.after(new IdentityPatch(current.type(), Map.of(id.toString(), false))));
  }

  /** The next {@code failures.length} reads of {@code target} fail with these, in order. */
  public void failNextReads(ComputeTarget target, ArmFailure... failures) {
    readFailures.computeIfAbsent(target, t -> new ArrayDeque<>()).addAll(List.of(failures));
  }

  /** The next {@code failures.length} patches of {@code target} fail with these, in order. */
  public void failNextPatches(ComputeTarget target, ArmFailure... failures) {
    patchFailures.computeIfAbsent(target, t -> new ArrayDeque<>()).addAll(List.of(failures));
  }

  /** Patches attaching {@code id} are refused as ARM refuses an identity that does not exist. */
  public void makeMissing(UserAssignedIdentityId id) {
    missing.add(id.toString().toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public synchronized IdentityRead read(ComputeTarget target) {
    calls.add(new ArmCall.Read(target));
    ArmFailure failure = next(readFailures, target);
    return failure != null ? failure : new IdentityRead.Found(identity(target));
  }

  @Override
  public synchronized ArmOutcome apply(ComputeTarget target, IdentityPatch patch) {
    calls.add(new ArmCall.Patch(target, patch));
    ArmFailure failure = next(patchFailures, target);
    if (failure != null) {
      return failure;
    }
    Set<UserAssignedIdentityId> offending = missingIn(patch);
    if (!offending.isEmpty()) {
      return new ArmFailure.Rejected("FailedIdentityOperation",
          "Identity (s) '" + String.join(",", offending.stream().map(Object::toString).toList())
              + "' returned Bad Request", offending);
    }
    HolderIdentity result = identity(target).after(patch);
    holders.put(target, result);
    return new ArmOutcome.Applied(result);
  }

  public List<ArmCall> calls() {
    return List.copyOf(calls);
  }

  public List<ArmCall.Patch> patches() {
    return calls.stream().filter(ArmCall.Patch.class::isInstance).map(ArmCall.Patch.class::cast).toList();
  }

  public List<ArmCall.Read> reads() {
    return calls.stream().filter(ArmCall.Read.class::isInstance).map(ArmCall.Read.class::cast).toList();
  }

  /** Forgets recorded calls only, keeping targets and scripts. */
  public void clearCalls() {
    calls.clear();
  }

  /** Forgets everything: targets, scripts and calls. */
  public void reset() {
    holders.clear();
    readFailures.clear();
    patchFailures.clear();
    missing.clear();
    calls.clear();
  }

  private static ArmFailure next(Map<ComputeTarget, Queue<ArmFailure>> scripts, ComputeTarget target) {
    Queue<ArmFailure> queue = scripts.get(target);
    return queue == null ? null : queue.poll();
  }

  private Set<UserAssignedIdentityId> missingIn(IdentityPatch patch) {
    List<UserAssignedIdentityId> found = new ArrayList<>();
    patch.userAssignedIdentities().forEach((id, attach) -> {
      if (attach && missing.contains(id.toLowerCase(java.util.Locale.ROOT))) {
        found.add(UserAssignedIdentityIds.parse(id));
      }
    });
    return Set.copyOf(found);
  }
}
