package io.podidentity.common.crd;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/**
 * Status of an {@code AzurePodIdentityException}; declared by the original and never written.
 */
public class V1AzurePodIdentityExceptionStatus extends CrdSection<V1AzurePodIdentityExceptionStatus> {
  @SerializedName("status")
  private String status;

  public V1AzurePodIdentityExceptionStatus status(String status) {
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
    if (!super.equals(o)) {
      return false;
    }
    V1AzurePodIdentityExceptionStatus that = (V1AzurePodIdentityExceptionStatus) o;
    return Objects.equals(status, that.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), status);
  }

  @Override
  public String toString() {
    return render("status=" + status);
  }
}
