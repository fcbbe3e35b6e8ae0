package io.podidentity.common.model;

import java.util.Optional;

/**
 * How far MIC got with one assignment, as {@code AzureAssignedIdentity.status.status} records it. Objects written by
 * MIC before v1.5 have no status at all; the original treats them like {@link #ASSIGNED}, so that case is kept apart.
 */
public enum AssignmentState {
  /** Written, but the identity is not yet known to be on the node; NMI waits for it to become assigned. */
  CREATED("Created"),
  /** The identity is usable from the pod's node. */
  ASSIGNED("Assigned"),
  /** The identity has been taken off the node and the object is about to be deleted. */
  UNASSIGNED("Unassigned"),
  /** No status: written by a MIC older than v1.5, which only wrote assigned objects. */
  LEGACY_UNSET("");

  private final String wireValue;

  AssignmentState(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The exact text in {@code status.status}. */
  public String wireValue() {
    return wireValue;
  }

  /** The state for a wire value, compared exactly as the original does; {@code null} means no status. */
  public static Optional<AssignmentState> fromWire(String wireValue) {
    String text = wireValue == null ? "" : wireValue;
    for (AssignmentState state : values()) {
      if (state.wireValue.equals(text)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
