package io.podidentity.mic.reconcile;

import io.podidentity.common.port.EventTarget;
import java.util.Objects;

/**
 * Something wrong with the input that MIC skipped: an invalid object, a binding to a missing identity, a node
 * without a readable providerID. Reported once (a Warning event on {@code target} and a log line) while it lasts.
 */
public record Problem(EventTarget target, String reason, String message) {
  public static final String INVALID_IDENTITY = "invalid azure identity";
  public static final String INVALID_BINDING = "invalid azure identity binding";
  public static final String INVALID_ASSIGNED_IDENTITY = "invalid azure assigned identity";
  public static final String IDENTITY_NOT_FOUND = "azure identity not found";
  public static final String NODE_NOT_PLACEABLE = "invalid node providerID";
  public static final String IDENTITY_NAME_CONFLICT = "azure identity name conflict";
  public static final String IDENTITY_QUARANTINED = "identity quarantined";

  public Problem {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
