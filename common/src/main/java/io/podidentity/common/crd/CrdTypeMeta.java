package io.podidentity.common.crd;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/**
 * {@code apiVersion} and {@code kind}, shared by objects and lists as Go's TypeMeta is. They start set to this
 * group's version and the concrete kind, because the API server refuses a body without them.
 *
 * @param <SELF> the concrete class, returned by the fluent setters
 */
public abstract class CrdTypeMeta<SELF extends CrdTypeMeta<SELF>> {
  @SerializedName("apiVersion")
  private String apiVersion;

  @SerializedName("kind")
  private String kind;

  protected CrdTypeMeta(String kind) {
    this.apiVersion = CrdNames.API_VERSION;
    this.kind = kind;
  }

  @SuppressWarnings("unchecked")
  protected final SELF self() {
    return (SELF) this;
  }

  public SELF apiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
    return self();
  }

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public SELF kind(String kind) {
    this.kind = kind;
    return self();
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  /** Compares the class, apiVersion and kind; subclasses add their own fields. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    CrdTypeMeta<?> that = (CrdTypeMeta<?>) o;
    return Objects.equals(apiVersion, that.apiVersion) && Objects.equals(kind, that.kind);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind);
  }

  /** Renders {@code Name{apiVersion=…, kind=…, <fields>}} for subclasses. */
  protected final String render(String fields) {
    return getClass().getSimpleName() + "{apiVersion=" + apiVersion + ", kind=" + kind + ", " + fields + "}";
  }
}
