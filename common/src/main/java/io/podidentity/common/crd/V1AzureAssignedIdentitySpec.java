package io.podidentity.common.crd;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/**
 * Spec of an {@code AzureAssignedIdentity}: full copies of the matched identity and binding, and the pod and node
 * they were matched for ({@code nodename} in lower case on the wire).
 */
public class V1AzureAssignedIdentitySpec extends CrdSection<V1AzureAssignedIdentitySpec> {
  @SerializedName("azureIdentityRef")
  private V1AzureIdentity azureIdentityRef;

  @SerializedName("azureBindingRef")
  private V1AzureIdentityBinding azureBindingRef;

  @SerializedName("pod")
  private String pod;

  @SerializedName("podNamespace")
  private String podNamespace;

  @SerializedName("nodename")
  private String nodeName;

  @SerializedName("replicas")
  private Integer replicas;

  /** Full copy of the AzureIdentity as MIC saw it when matching. */
  public V1AzureAssignedIdentitySpec azureIdentityRef(V1AzureIdentity azureIdentityRef) {
    this.azureIdentityRef = azureIdentityRef;
    return this;
  }

  public V1AzureIdentity getAzureIdentityRef() {
    return azureIdentityRef;
  }

  public void setAzureIdentityRef(V1AzureIdentity azureIdentityRef) {
    this.azureIdentityRef = azureIdentityRef;
  }

  /** Full copy of the AzureIdentityBinding as MIC saw it when matching. */
  public V1AzureAssignedIdentitySpec azureBindingRef(V1AzureIdentityBinding azureBindingRef) {
    this.azureBindingRef = azureBindingRef;
    return this;
  }

  public V1AzureIdentityBinding getAzureBindingRef() {
    return azureBindingRef;
  }

  public void setAzureBindingRef(V1AzureIdentityBinding azureBindingRef) {
    this.azureBindingRef = azureBindingRef;
  }

  /** Name of the matched pod. */
  public V1AzureAssignedIdentitySpec pod(String pod) {
    this.pod = pod;
    return this;
  }

  public String getPod() {
    return pod;
  }

  public void setPod(String pod) {
    this.pod = pod;
  }

  /** Namespace of the matched pod. */
  public V1AzureAssignedIdentitySpec podNamespace(String podNamespace) {
    this.podNamespace = podNamespace;
    return this;
  }

  public String getPodNamespace() {
    return podNamespace;
  }

  public void setPodNamespace(String podNamespace) {
    this.podNamespace = podNamespace;
  }

  /** Node of the pod when it was matched; the wire name is {@code nodename}. */
  public V1AzureAssignedIdentitySpec nodeName(String nodeName) {
    this.nodeName = nodeName;
    return this;
  }

  public String getNodeName() {
    return nodeName;
  }

  public void setNodeName(String nodeName) {
    this.nodeName = nodeName;
  }

  /** Declared by the original and never used; nullable on the wire. */
  public V1AzureAssignedIdentitySpec replicas(Integer replicas) {
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
    V1AzureAssignedIdentitySpec that = (V1AzureAssignedIdentitySpec) o;
    return Objects.equals(azureIdentityRef, that.azureIdentityRef)
        && Objects.equals(azureBindingRef, that.azureBindingRef)
        && Objects.equals(pod, that.pod)
        && Objects.equals(podNamespace, that.podNamespace)
        && Objects.equals(nodeName, that.nodeName)
        && Objects.equals(replicas, that.replicas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), azureIdentityRef, azureBindingRef, pod, podNamespace, nodeName, replicas);
  }

  @Override
  public String toString() {
    return render("azureIdentityRef=" + azureIdentityRef + ", azureBindingRef=" + azureBindingRef + ", pod=" + pod
        + ", podNamespace=" + podNamespace + ", nodeName=" + nodeName + ", replicas=" + replicas);
  }
}
