package io.podidentity.common.plan;

import io.podidentity.common.model.AssignedIdentity;
import java.util.Objects;

/**
 * An assigned identity that exists but no longer matches what is desired (its identity or binding was written, or
 * its pod moved to another node). {@code after} keeps {@code before}'s name, namespace and resourceVersion, so it
 * can be written in place; it carries the new identity, binding and node, in state {@code Created}.
 */
public record AssignedUpdate(AssignedIdentity before, AssignedIdentity after) {

  public AssignedUpdate {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (!before.ref().equals(after.ref())) {
      throw new IllegalArgumentException("an update keeps the object: " + before.ref() + " vs " + after.ref());
    }
  }
}
