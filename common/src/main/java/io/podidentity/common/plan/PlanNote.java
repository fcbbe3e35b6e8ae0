package io.podidentity.common.plan;

import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodRef;
import java.util.Objects;

/** Something the planner skipped and a person should hear about; MIC reports each as a Warning event and a log line. */
public sealed interface PlanNote {

  /** A pod matched {@code binding}, whose identity does not exist (or was invalid and left out). */
  record IdentityNotFound(IdentityBinding binding, PodRef pod) implements PlanNote {
    public IdentityNotFound {
      Objects.requireNonNull(binding, "binding");
      Objects.requireNonNull(pod, "pod");
    }
  }

  /** {@code pod} runs on a node whose compute resource is unknown, so its identities cannot be attached. */
  record NodeNotPlaceable(PodRef pod, String nodeName, String reason) implements PlanNote {
    public NodeNotPlaceable {
      Objects.requireNonNull(pod, "pod");
      Objects.requireNonNull(nodeName, "nodeName");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Two identities of the same name in different namespaces were matched to {@code pod} through {@code ignored};
   * their assigned identities would share a name, so the first by binding namespace and name wins (issue #1065).
   */
  record IdentityNameConflict(PodRef pod, ObjectRef kept, IdentityBinding ignored) implements PlanNote {
    public IdentityNameConflict {
      Objects.requireNonNull(pod, "pod");
      Objects.requireNonNull(kept, "kept");
      Objects.requireNonNull(ignored, "ignored");
    }
  }
}
