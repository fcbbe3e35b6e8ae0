package io.podidentity.common.crd;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/**
 * A status with {@code availableReplicas}, which the original declares on identities, bindings and assigned
 * identities alike; only MIC's new assigned identities set it (to 1).
 *
 * @param <SELF> the concrete class, returned by the fluent setters
 */
public abstract class ReplicaStatus<SELF extends ReplicaStatus<SELF>> extends CrdSection<SELF> {
  @SerializedName("availableReplicas")
  private Integer availableReplicas;

  public SELF availableReplicas(Integer availableReplicas) {
    this.availableReplicas = availableReplicas;
    return self();
  }

  public Integer getAvailableReplicas() {
    return availableReplicas;
  }

  public void setAvailableReplicas(Integer availableReplicas) {
    this.availableReplicas = availableReplicas;
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && Objects.equals(availableReplicas, ((ReplicaStatus<?>) o).availableReplicas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), availableReplicas);
  }

  @Override
  public String toString() {
    return render("availableReplicas=" + availableReplicas);
  }
}
