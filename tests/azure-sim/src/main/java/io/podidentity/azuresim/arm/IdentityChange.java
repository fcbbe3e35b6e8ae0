package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.http.SimResponse;
import java.util.List;
import java.util.Map;

/** What the {@code identity} block of a PUT or PATCH asks for, decided before any identity is looked up. */
public sealed interface IdentityChange {

  /** The request has no {@code identity} block: leave the identities as they are. */
  record Unchanged() implements IdentityChange {}

  /**
   * The identities the resource will have: the system-assigned one or not, and the user-assigned ids (lower-cased
   * key to id as first written). {@code requested} are the non-null ids in the request, which ARM checks for the
   * linked {@code assign/action} permission and the managed identity service checks for existence.
   */
  record Apply(boolean systemAssigned, Map<String, String> userAssigned, List<String> requested, int entryCount)
      implements IdentityChange {
    public Apply {
      userAssigned = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(userAssigned));
      requested = List.copyOf(requested);
    }
  }

  /** The block is invalid; answer with this error. */
  record Invalid(SimResponse error) implements IdentityChange {}
}
