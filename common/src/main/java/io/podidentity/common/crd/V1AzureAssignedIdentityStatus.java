package io.podidentity.common.crd;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/**
 * Status of an {@code AzureAssignedIdentity}: the assignment state MIC records, and {@code availableReplicas} set to 1
 * on creation. There is no status subresource: MIC updates it with the object.
 */
public class V1AzureAssignedIdentityStatus extends ReplicaStatus<V1AzureAssignedIdentityStatus> {
  @SerializedName("status")
  private String status;

  /** {@code Created}, {@code Assigned} or {@code Unassigned}; absent on objects from MIC before v1.5. */
  public V1AzureAssignedIdentityStatus status(String status) {
    this.status = status;
    return this;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && Objects.equals(status, ((V1AzureAssignedIdentityStatus) o).status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), status);
  }

  @Override
  public String toString() {
    return render("status=" + status + ", availableReplicas=" + getAvailableReplicas());
  }
}
