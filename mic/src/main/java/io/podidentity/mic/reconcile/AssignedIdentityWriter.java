package io.podidentity.mic.reconcile;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.plan.AssignedUpdate;
import io.podidentity.common.plan.TargetWork;
import io.podidentity.common.port.AssignedIdentityStore;
import io.podidentity.common.port.ClusterEvent;
import io.podidentity.common.port.EventSink;
import io.podidentity.common.port.StoreResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The first step of a batch: write its new and changed assigned identities in state {@code Created} before ARM is
 * touched, so a crash after the ARM call still leaves a record the next sync can finish. A write that fails is
 * reported on the binding ({@code binding apply error}) and its identity is not attached.
 */
final class AssignedIdentityWriter {
  private static final Logger LOG = Logger.getLogger(AssignedIdentityWriter.class.getName());

  private final AssignedIdentityStore store;
  private final EventSink events;
  private final BoundedParallel parallel;

  AssignedIdentityWriter(AssignedIdentityStore store, EventSink events, BoundedParallel parallel) {
    this.store = store;
    this.events = events;
    this.parallel = parallel;
  }

  /** Writes the batch's creates and updates; returns the objects that could not be written. */
  Set<ObjectRef> writeCreated(TargetWork work) {
    List<Supplier<Optional<ObjectRef>>> writes = new ArrayList<>();
    for (AssignedIdentity created : work.creates()) {
      writes.add(() -> write(created, store.create(created), EventMessages::createFailed));
    }
    for (AssignedUpdate update : work.updates()) {
      writes.add(() -> write(update.after(), store.update(update.after()), EventMessages::updateFailed));
    }
    Set<ObjectRef> failed = new HashSet<>();
    parallel.map(writes, Supplier::get).forEach(f -> f.ifPresent(failed::add));
    return failed;
  }

  private Optional<ObjectRef> write(AssignedIdentity assigned, StoreResult result,
      java.util.function.BiFunction<AssignedIdentity, String, ClusterEvent> message) {
    return switch (result) {
      case StoreResult.Done done -> Optional.empty();
      case StoreResult.Failed failed -> {
        ClusterEvent event = message.apply(assigned, failed.error());
        LOG.warning(event::message);
        events.record(event);
        yield Optional.of(assigned.ref());
      }
    };
  }
}
