package io.podidentity.mic.reconcile;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.port.ClusterEvent;
import io.podidentity.common.port.EventTarget;

/**
 * The Events MIC records, with the original's reasons and message texts (§2.8), word for word, including the
 * original's own inconsistencies in letter case and in the order of pod name and namespace, so existing alerts
 * and searches keep matching.
 */
final class EventMessages {
  static final String BINDING_APPLY_ERROR = "binding apply error";
  static final String BINDING_APPLIED = "binding applied";
  static final String STATUS_UPDATE_ERROR = "status update error";
  static final String BINDING_REMOVED = "binding removed";
  static final String BINDING_REMOVE_ERROR = "binding remove error";

  private EventMessages() {}

  static ClusterEvent createFailed(AssignedIdentity a, String error) {
    return ClusterEvent.warning(binding(a), BINDING_APPLY_ERROR, "failed to create AzureAssignedIdentity "
        + a.ref().name() + "/" + a.ref().namespace() + " for pod " + a.pod() + ", error: " + error);
  }

  static ClusterEvent updateFailed(AssignedIdentity a, String error) {
    return ClusterEvent.warning(binding(a), BINDING_APPLY_ERROR, "failed to update AzureAssignedIdentity " + a.ref()
        + " for pod " + a.pod().name() + "/" + a.pod().namespace() + ", error: " + error);
  }

  static ClusterEvent applyFailed(AssignedIdentity a, String error) {
    return ClusterEvent.warning(binding(a), BINDING_APPLY_ERROR, "failed to apply binding " + a.binding().ref()
        + " node " + a.nodeName() + " for pod " + a.pod() + ", error: " + error);
  }

  /** {@code verified}: reached through the after-failure check, where the original writes "binding" in lower case. */
  static ClusterEvent applied(AssignedIdentity a, boolean verified) {
    return ClusterEvent.normal(binding(a), BINDING_APPLIED, (verified ? "binding " : "Binding ")
        + a.binding().ref().name() + " applied on node " + a.nodeName() + " for pod " + a.ref().name());
  }

  static ClusterEvent statusFailed(AssignedIdentity a, AssignmentState state, boolean podWithNamespace, String error) {
    String pod = podWithNamespace ? a.pod().toString() : a.pod().name();
    return ClusterEvent.warning(EventTarget.assignedIdentity(a.ref()), STATUS_UPDATE_ERROR,
        "failed to update AzureAssignedIdentity " + a.ref() + " status to " + state.wireValue() + " for pod " + pod
            + ", error: " + error);
  }

  static ClusterEvent removed(AssignedIdentity a) {
    return ClusterEvent.normal(binding(a), BINDING_REMOVED, "Binding " + a.binding().ref().name()
        + " removed from node " + a.nodeName() + " for pod " + a.pod().name());
  }

  static ClusterEvent removeFailed(AssignedIdentity a, String error) {
    return ClusterEvent.warning(binding(a), BINDING_REMOVE_ERROR, "failed to remove AzureIdentityBinding "
        + a.binding().ref() + " from node " + a.nodeName() + " for pod " + a.pod() + ", error: " + error);
  }

  private static EventTarget binding(AssignedIdentity a) {
    return EventTarget.binding(a.binding().ref());
  }
}
