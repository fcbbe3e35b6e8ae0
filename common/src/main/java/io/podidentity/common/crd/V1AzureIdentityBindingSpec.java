package io.podidentity.common.crd;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/**
 * Spec of an {@code AzureIdentityBinding}; {@link AzureIdentityBindingMapper} validates it.
 */
public class V1AzureIdentityBindingSpec extends CrdSection<V1AzureIdentityBindingSpec> {
  @SerializedName("azureIdentity")
  private String azureIdentity;

  @SerializedName("selector")
  private String selector;

  @SerializedName("weight")
  private Integer weight;

  /** Name of the AzureIdentity, looked up in the binding's namespace. */
  public V1AzureIdentityBindingSpec azureIdentity(String azureIdentity) {
    this.azureIdentity = azureIdentity;
    return this;
  }

  public String getAzureIdentity() {
    return azureIdentity;
  }

  public void setAzureIdentity(String azureIdentity) {
    this.azureIdentity = azureIdentity;
  }

  /** Value of the pods' {@code aadpodidbinding} label, compared exactly. */
  public V1AzureIdentityBindingSpec selector(String selector) {
    this.selector = selector;
    return this;
  }

  public String getSelector() {
    return selector;
  }

  public void setSelector(String selector) {
    this.selector = selector;
  }

  /** Declared by the original and never used. */
  public V1AzureIdentityBindingSpec weight(Integer weight) {
    this.weight = weight;
    return this;
  }

  public Integer getWeight() {
    return weight;
  }

  public void setWeight(Integer weight) {
    this.weight = weight;
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) {
      return false;
    }
    V1AzureIdentityBindingSpec that = (V1AzureIdentityBindingSpec) o;
    return Objects.equals(azureIdentity, that.azureIdentity)
        && Objects.equals(selector, that.selector)
        && Objects.equals(weight, that.weight);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), azureIdentity, selector, weight);
  }

  @Override
  public String toString() {
    return render("azureIdentity=" + azureIdentity + ", selector=" + selector + ", weight=" + weight);
  }
}
