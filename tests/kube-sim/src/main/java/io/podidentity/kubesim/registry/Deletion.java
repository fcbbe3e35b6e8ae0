package io.podidentity.kubesim.registry;

import com.google.gson.JsonObject;
import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.json.JsonTree;
import io.podidentity.kubesim.json.Meta;
import io.podidentity.kubesim.json.Timestamps;
import java.time.Instant;

/**
 * DELETE of one object as the generic registry does it: preconditions, then either removal at once or, when
 * finalizers, a grace period or a kind's own finalization hold it, a deletionTimestamp (and
 * deletionGracePeriodSeconds) with the object staying until the last holder lets go.
 */
final class Deletion {
  private final RegistryContext ctx;

  Deletion(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** DeleteOptions as far as the simulator honours them; null fields were not given. */
  record Options(Long gracePeriodSeconds, String uid, String resourceVersion) {
    static final Options NONE = new Options(null, null, null);
  }

  /** The object as served after the request, and whether it is gone (false: deletion is pending). */
  record Result(JsonObject object, boolean deleted) {}

  Result delete(ApiResource r, String namespace, String name, Options options, boolean dryRun) {
    return ctx.store().write(tx -> {
      JsonObject stored = tx.get(r.bucket(), namespace, name);
      if (stored == null) {
        throw ApiException.notFound(r.type(), name);
      }
      JsonObject current = r.view().fromStorage(stored);
      preconditions(r, name, current, options);
      String refusal = r.strategy().deletionRefusal(current);
      if (refusal != null) {
        throw ApiException.forbidden(r.type(), name, refusal, java.util.List.of());
      }
      long grace = options.gracePeriodSeconds() != null
          ? Math.max(0, options.gracePeriodSeconds())
          : r.strategy().defaultGracePeriodSeconds(current);
      if (Meta.isDeleting(current)) {
        return repeated(tx, r, namespace, name, current, grace);
      }
      Instant now = ctx.clock().instant();
      JsonObject marked = current.deepCopy();
      r.strategy().markDeleting(marked, now);
      Meta.set(marked, "deletionTimestamp", Timestamps.seconds(now.plusSeconds(grace)));
      Meta.of(marked).addProperty("deletionGracePeriodSeconds", grace);
      if (Updating.readyToRemove(r, marked)) {
        return new Result(r.view().fromStorage(tx.remove(r.bucket(), namespace, name)), true);
      }
      return new Result(r.view().fromStorage(tx.put(r.bucket(), r.view().toStorage(marked))), false);
    }, dryRun);
  }

  /** A delete of an object already being deleted: may end a grace period early, never adds anything. */
  private Result repeated(io.podidentity.kubesim.store.Transaction tx, ApiResource r, String namespace, String name,
      JsonObject current, long grace) {
    if (r.strategy().awaitsFinalization(current)) {
      throw ApiException.conflict(r.type(), name, "The system is ensuring all content is removed from this namespace."
          + "  Upon completion, this namespace will automatically be purged by the system.");
    }
    var pendingGrace = JsonTree.at(current, "metadata", "deletionGracePeriodSeconds");
    boolean shortens = grace == 0 && pendingGrace != null && pendingGrace.getAsLong() > 0;
    if (!shortens) {
      return new Result(current, false);
    }
    JsonObject now = current.deepCopy();
    Meta.of(now).addProperty("deletionGracePeriodSeconds", 0);
    if (Updating.readyToRemove(r, now)) {
      return new Result(r.view().fromStorage(tx.remove(r.bucket(), namespace, name)), true);
    }
    return new Result(r.view().fromStorage(tx.put(r.bucket(), r.view().toStorage(now))), false);
  }

  private static void preconditions(ApiResource r, String name, JsonObject current, Options options) {
    if (options.uid() != null && !options.uid().equals(Meta.uid(current))) {
      throw ApiException.conflict(r.type(), name, "Precondition failed: UID in precondition: " + options.uid()
          + ", UID in object meta: " + Meta.uid(current));
    }
    if (options.resourceVersion() != null && !options.resourceVersion().equals(Meta.resourceVersion(current))) {
      throw ApiException.conflict(r.type(), name, "Precondition failed: ResourceVersion in precondition: "
          + options.resourceVersion() + ", ResourceVersion in object meta: " + Meta.resourceVersion(current));
    }
  }
}
