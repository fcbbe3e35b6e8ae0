package io.podidentity.common.crd;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Objects;

/**
 * The envelope shared by the four {@code aadpodidentity.k8s.io/v1} kinds, in client-java's model style (fluent
 * setters, getters and setters) so the concrete classes work with {@code GenericKubernetesApi} and informers.
 *
 * @param <S> the spec class
 * @param <T> the status class
 * @param <SELF> the concrete class, returned by the fluent setters
 */
public abstract class CrdObject<S, T, SELF extends CrdObject<S, T, SELF>> extends CrdTypeMeta<SELF>
    implements KubernetesObject {
  @SerializedName("metadata")
  private V1ObjectMeta metadata;

  @SerializedName("spec")
  private S spec;

  @SerializedName("status")
  private T status;

  protected CrdObject(String kind) {
    super(kind);
  }

  public SELF metadata(V1ObjectMeta metadata) {
    this.metadata = metadata;
    return self();
  }

  @Override
  public V1ObjectMeta getMetadata() {
    return metadata;
  }

  public void setMetadata(V1ObjectMeta metadata) {
    this.metadata = metadata;
  }

  public SELF spec(S spec) {
    this.spec = spec;
    return self();
  }

  public S getSpec() {
    return spec;
  }

  public void setSpec(S spec) {
    this.spec = spec;
  }

  public SELF status(T status) {
    this.status = status;
    return self();
  }

  public T getStatus() {
    return status;
  }

  public void setStatus(T status) {
    this.status = status;
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) {
      return false;
    }
    CrdObject<?, ?, ?> that = (CrdObject<?, ?, ?>) o;
    return Objects.equals(metadata, that.metadata)
        && Objects.equals(spec, that.spec)
        && Objects.equals(status, that.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), metadata, spec, status);
  }

  @Override
  public String toString() {
    return render("metadata=" + metadata + ", spec=" + spec + ", status=" + status);
  }
}
