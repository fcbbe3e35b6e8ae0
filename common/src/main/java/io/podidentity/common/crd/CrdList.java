package io.podidentity.common.crd;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.openapi.models.V1ListMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The list envelope shared by the four kinds ({@code AzureIdentityList} and so on), in client-java's model style,
 * so the concrete lists work with {@code GenericKubernetesApi} and informers.
 *
 * @param <T> the item class
 * @param <SELF> the concrete list class, returned by the fluent setters
 */
public abstract class CrdList<T extends CrdObject<?, ?, T>, SELF extends CrdList<T, SELF>> extends CrdTypeMeta<SELF>
    implements KubernetesListObject {
  @SerializedName("metadata")
  private V1ListMeta metadata;

  @SerializedName("items")
  private List<T> items = new ArrayList<>();

  protected CrdList(String kind) {
    super(kind);
  }

  public SELF metadata(V1ListMeta metadata) {
    this.metadata = metadata;
    return self();
  }

  @Override
  public V1ListMeta getMetadata() {
    return metadata;
  }

  public void setMetadata(V1ListMeta metadata) {
    this.metadata = metadata;
  }

  public SELF items(List<T> items) {
    this.items = items;
    return self();
  }

  public SELF addItemsItem(T item) {
    if (items == null) {
      items = new ArrayList<>();
    }
    items.add(item);
    return self();
  }

  @Override
  public List<T> getItems() {
    return items;
  }

  public void setItems(List<T> items) {
    this.items = items;
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o)
        && Objects.equals(metadata, ((CrdList<?, ?>) o).metadata)
        && Objects.equals(items, ((CrdList<?, ?>) o).items);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), metadata, items);
  }

  @Override
  public String toString() {
    return render("metadata=" + metadata + ", items=" + items);
  }
}
