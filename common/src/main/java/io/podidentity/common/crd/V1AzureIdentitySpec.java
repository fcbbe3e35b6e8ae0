package io.podidentity.common.crd;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1SecretReference;
import io.podidentity.common.model.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Spec of an {@code AzureIdentity}, every field of the original; {@link AzureIdentityMapper} validates it.
 */
public class V1AzureIdentitySpec extends CrdSection<V1AzureIdentitySpec> {
  @SerializedName("type")
  private Integer type;

  @SerializedName("resourceID")
  private String resourceID;

  @SerializedName("clientID")
  private String clientID;

  @SerializedName("clientPassword")
  private V1SecretReference clientPassword;

  @SerializedName("tenantID")
  private String tenantID;

  @SerializedName("auxiliaryTenantIDs")
  private List<String> auxiliaryTenantIDs;

  @SerializedName("adResourceID")
  private String adResourceID;

  @SerializedName("adEndpoint")
  private String adEndpoint;

  @SerializedName("replicas")
  private Integer replicas;

  /** Identity type: 0 user-assigned MSI, 1 service principal, 2 service principal certificate; absent means 0. */
  public V1AzureIdentitySpec type(Integer type) {
    this.type = type;
    return this;
  }

  public Integer getType() {
    return type;
  }

  public void setType(Integer type) {
    this.type = type;
  }

  /** ARM ID of the user-assigned identity (type 0). */
  public V1AzureIdentitySpec resourceID(String resourceID) {
    this.resourceID = resourceID;
    return this;
  }

  public String getResourceID() {
    return resourceID;
  }

  public void setResourceID(String resourceID) {
    this.resourceID = resourceID;
  }

  /** Client ID; every type needs it. */
  public V1AzureIdentitySpec clientID(String clientID) {
    this.clientID = clientID;
    return this;
  }

  public String getClientID() {
    return clientID;
  }

  public void setClientID(String clientID) {
    this.clientID = clientID;
  }

  /** Secret with the service principal's credentials (types 1 and 2). */
  public V1AzureIdentitySpec clientPassword(V1SecretReference clientPassword) {
    this.clientPassword = clientPassword;
    return this;
  }

  public V1SecretReference getClientPassword() {
    return clientPassword;
  }

  public void setClientPassword(V1SecretReference clientPassword) {
    this.clientPassword = clientPassword;
  }

  /** Service principal's primary tenant (types 1 and 2). */
  public V1AzureIdentitySpec tenantID(String tenantID) {
    this.tenantID = tenantID;
    return this;
  }

  public String getTenantID() {
    return tenantID;
  }

  public void setTenantID(String tenantID) {
    this.tenantID = tenantID;
  }

  /** Further tenants a type-1 token is requested from; nullable on the wire. */
  public V1AzureIdentitySpec auxiliaryTenantIDs(List<String> auxiliaryTenantIDs) {
    this.auxiliaryTenantIDs = auxiliaryTenantIDs;
    return this;
  }

  public V1AzureIdentitySpec addAuxiliaryTenantIDsItem(String tenantId) {
    if (auxiliaryTenantIDs == null) {
      auxiliaryTenantIDs = new ArrayList<>();
    }
    auxiliaryTenantIDs.add(tenantId);
    return this;
  }

  public List<String> getAuxiliaryTenantIDs() {
    return auxiliaryTenantIDs;
  }

  public void setAuxiliaryTenantIDs(List<String> auxiliaryTenantIDs) {
    this.auxiliaryTenantIDs = auxiliaryTenantIDs;
  }

  /** Declared by the original and never used. */
  public V1AzureIdentitySpec adResourceID(String adResourceID) {
    this.adResourceID = adResourceID;
    return this;
  }

  public String getAdResourceID() {
    return adResourceID;
  }

  public void setAdResourceID(String adResourceID) {
    this.adResourceID = adResourceID;
  }

  /** Azure AD authority for service principals; empty means the public cloud. */
  public V1AzureIdentitySpec adEndpoint(String adEndpoint) {
    this.adEndpoint = adEndpoint;
    return this;
  }

  public String getAdEndpoint() {
    return adEndpoint;
  }

  public void setAdEndpoint(String adEndpoint) {
    this.adEndpoint = adEndpoint;
  }

  /** Declared by the original and never used; nullable on the wire. */
  public V1AzureIdentitySpec replicas(Integer replicas) {
    this.replicas = replicas;
    return this;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) {
      return false;
    }
    V1AzureIdentitySpec that = (V1AzureIdentitySpec) o;
    return Objects.equals(type, that.type)
        && Objects.equals(resourceID, that.resourceID)
        && Objects.equals(clientID, that.clientID)
        && Objects.equals(clientPassword, that.clientPassword)
        && Objects.equals(tenantID, that.tenantID)
        && Objects.equals(auxiliaryTenantIDs, that.auxiliaryTenantIDs)
        && Objects.equals(adResourceID, that.adResourceID)
        && Objects.equals(adEndpoint, that.adEndpoint)
        && Objects.equals(replicas, that.replicas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), type, resourceID, clientID, clientPassword, tenantID, auxiliaryTenantIDs,
        adResourceID, adEndpoint, replicas);
  }

  /** Redacts the client ID, as every log line of the project does. */
  @Override
  public String toString() {
    return render("type=" + type + ", resourceID=" + resourceID + ", clientID=" + Redaction.clientId(clientID)
        + ", clientPassword=" + clientPassword + ", tenantID=" + tenantID + ", auxiliaryTenantIDs=" + auxiliaryTenantIDs
        + ", adResourceID=" + adResourceID + ", adEndpoint=" + adEndpoint + ", replicas=" + replicas);
  }
}
