package io.podidentity.common.model;

import java.util.Map;
import java.util.Objects;

/**
 * A validated {@code AzurePodIdentityException}: pods of the same namespace that carry any one of {@code podLabels}
 * get tokens straight from IMDS, without a binding check. The namespace rule is the caller's: NMI only consults the
 * exceptions of the requesting pod's namespace.
 */
public record PodIdentityException(ObjectRef ref, Map<String, String> podLabels) {

  public PodIdentityException {
    Objects.requireNonNull(ref, "ref");
    podLabels = Map.copyOf(podLabels);
  }

  /**
   * Whether a pod with these labels is exempt: some key of {@code podLabels} is on the pod with the same value,
   * compared ignoring case as the original does. An exception without labels exempts nobody.
   */
  public boolean exempts(Map<String, String> labelsOfPod) {
    for (Map.Entry<String, String> wanted : podLabels.entrySet()) {
      String actual = labelsOfPod.get(wanted.getKey());
      if (actual != null && actual.equalsIgnoreCase(wanted.getValue())) {
        return true;
      }
    }
    return false;
  }
}
