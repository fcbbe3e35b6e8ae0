package io.podidentity.common.crd;

import com.google.gson.annotations.SerializedName;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Spec of an {@code AzurePodIdentityException}: the pod labels that exempt a pod of the same namespace.
 */
public class V1AzurePodIdentityExceptionSpec extends CrdSection<V1AzurePodIdentityExceptionSpec> {
  @SerializedName("podLabels")
  private Map<String, String> podLabels;

  /** Labels of which any one, with an equal value ignoring case, exempts a pod. */
  public V1AzurePodIdentityExceptionSpec podLabels(Map<String, String> podLabels) {
    this.podLabels = podLabels;
    return this;
  }

  public V1AzurePodIdentityExceptionSpec putPodLabelsItem(String key, String value) {
    if (podLabels == null) {
      podLabels = new HashMap<>();
    }
    podLabels.put(key, value);
    return this;
  }

  public Map<String, String> getPodLabels() {
    return podLabels;
  }

  public void setPodLabels(Map<String, String> podLabels) {
    this.podLabels = podLabels;
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) {
      return false;
    }
    V1AzurePodIdentityExceptionSpec that = (V1AzurePodIdentityExceptionSpec) o;
    return Objects.equals(podLabels, that.podLabels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), podLabels);
  }

  @Override
  public String toString() {
    return render("podLabels=" + podLabels);
  }
}
