package io.podidentity.common.crd;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Objects;

/**
 * A spec or status of one of the four kinds. Each carries an unused {@code metadata} object because the original's
 * Go structs embed ObjectMeta there; it is kept so objects read and written back lose nothing.
 *
 * @param <SELF> the concrete class, returned by the fluent setters
 */
public abstract class CrdSection<SELF extends CrdSection<SELF>> {
  @SerializedName("metadata")
  private V1ObjectMeta metadata;

  @SuppressWarnings("unchecked")
  protected final SELF self() {
    return (SELF) this;
  }

  public SELF metadata(V1ObjectMeta metadata) {
    this.metadata = metadata;
    return self();
  }

  public V1ObjectMeta getMetadata() {
    return metadata;
  }

  public void setMetadata(V1ObjectMeta metadata) {
    this.metadata = metadata;
  }

  /** Compares the class and the unused metadata; subclasses add their own fields. */
  @Override
  public boolean equals(Object o) {
    return o != null && getClass() == o.getClass() && Objects.equals(metadata, ((CrdSection<?>) o).metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(metadata);
  }

  /** Renders {@code Name{metadata=…, <fields>}} for subclasses. */
  protected final String render(String fields) {
    return getClass().getSimpleName() + "{" + (metadata == null ? "" : "metadata=" + metadata + ", ") + fields + "}";
  }
}
