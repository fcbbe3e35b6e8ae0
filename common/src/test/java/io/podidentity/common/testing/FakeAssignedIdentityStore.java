package io.podidentity.common.testing;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.port.AssignedIdentityStore;
import io.podidentity.common.port.StoreResult;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Assigned identities kept in a map, as an API server would: resourceVersions go up on every write, a create of an
 * existing name and an update at a stale resourceVersion are refused. Every write is recorded; {@link #failNext}
 * scripts failures by operation.
 */
public final class FakeAssignedIdentityStore implements AssignedIdentityStore {
  private final Map<ObjectRef, AssignedIdentity> objects = new ConcurrentHashMap<>();
  private final Map<StoreCall.Operation, ConcurrentLinkedQueue<String>> failures = new ConcurrentHashMap<>();
  private final List<StoreCall> calls = new CopyOnWriteArrayList<>();
  private final AtomicLong resourceVersion = new AtomicLong(100);

  /** Puts an object as if it had been written earlier (for example by another MIC). */
  public AssignedIdentity seed(AssignedIdentity assigned) {
    AssignedIdentity stored = withNextVersion(assigned);
    objects.put(stored.ref(), stored);
    return stored;
  }

  /** The objects now, ordered by namespace and name. */
  public List<AssignedIdentity> current() {
    return objects.values().stream()
        .sorted(Comparator.comparing((AssignedIdentity a) -> a.ref().namespace()).thenComparing(a -> a.ref().name()))
        .toList();
  }

  public Optional<AssignedIdentity> get(ObjectRef ref) {
    return Optional.ofNullable(objects.get(ref));
  }

  /** The next writes of this kind fail with these errors, one each, in order. */
  public void failNext(StoreCall.Operation operation, String... errors) {
    failures.computeIfAbsent(operation, o -> new ConcurrentLinkedQueue<>()).addAll(List.of(errors));
  }

  @Override
  public StoreResult create(AssignedIdentity created) {
    return write(new StoreCall.Create(created.ref()), () -> objects.putIfAbsent(created.ref(),
        withNextVersion(created.withState(AssignmentState.CREATED))) == null ? null : "409 AlreadyExists");
  }

  @Override
  public StoreResult update(AssignedIdentity replacement) {
    return write(new StoreCall.Update(replacement.ref()), () -> {
      AssignedIdentity existing = objects.get(replacement.ref());
      if (existing == null) {
        return "404 NotFound";
      }
      if (!existing.resourceVersion().equals(replacement.resourceVersion())) {
        return "409 Conflict: resourceVersion " + replacement.resourceVersion() + " is stale";
      }
      objects.put(replacement.ref(), withNextVersion(replacement.withState(AssignmentState.CREATED)));
      return null;
    });
  }

  @Override
  public StoreResult setState(AssignedIdentity assigned, AssignmentState state) {
    return write(new StoreCall.SetState(assigned.ref(), state), () -> {
      AssignedIdentity existing = objects.get(assigned.ref());
      if (existing == null) {
        return "404 NotFound";
      }
      objects.put(assigned.ref(), withNextVersion(existing.withState(state)));
      return null;
    });
  }

  @Override
  public StoreResult delete(AssignedIdentity assigned) {
    return write(new StoreCall.Delete(assigned.ref()), () -> {
      objects.remove(assigned.ref());
      return null;
    });
  }

  public List<StoreCall> calls() {
    return List.copyOf(calls);
  }

  /** Forgets recorded calls only. */
  public void clearCalls() {
    calls.clear();
  }

  /** Forgets objects, scripts and calls. */
  public void reset() {
    objects.clear();
    failures.clear();
    calls.clear();
  }

  private StoreResult write(StoreCall call, java.util.function.Supplier<String> effect) {
    calls.add(call);
    ConcurrentLinkedQueue<String> scripted = failures.get(call.operation());
    String failure = scripted == null ? null : scripted.poll();
    if (failure == null) {
      failure = effect.get();
    }
    return failure == null ? StoreResult.DONE : new StoreResult.Failed(failure);
  }

  private AssignedIdentity withNextVersion(AssignedIdentity assigned) {
    return new AssignedIdentity(assigned.ref(), Long.toString(resourceVersion.incrementAndGet()), assigned.identity(),
        assigned.binding(), assigned.pod(), assigned.nodeName(), assigned.state());
  }
}
