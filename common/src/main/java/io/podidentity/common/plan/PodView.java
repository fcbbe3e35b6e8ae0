package io.podidentity.common.plan;

import io.podidentity.common.model.PodRef;
import java.util.Objects;

/**
 * What the planner needs of a pod: where it runs, the value of its {@code aadpodidbinding} label and whether it has
 * finished. {@code nodeName} is empty while the pod is unscheduled and {@code selector} empty without the label.
 *
 * @param finished the pod's phase is {@code Succeeded} or {@code Failed}: its containers will not run again
 */
public record PodView(PodRef ref, String nodeName, String selector, boolean finished) {

  public PodView {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(selector, "selector");
  }

  /** A running pod. */
  public static PodView running(PodRef ref, String nodeName, String selector) {
    return new PodView(ref, nodeName, selector, false);
  }

  public boolean scheduled() {
    return !nodeName.isEmpty();
  }
}
