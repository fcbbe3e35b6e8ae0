package io.podidentity.kubesim;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.List;
import java.util.Map;

/** A test-local AzureIdentity wire class for client-java's generic API and informers. */
public class TestIdentity implements KubernetesObject {
  public String apiVersion;
  public String kind;
  public V1ObjectMeta metadata;
  public Map<String, Object> spec;

  @Override
  public V1ObjectMeta getMetadata() {
    return metadata;
  }

  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  @Override
  public String getKind() {
    return kind;
  }

  /** The list kind. */
  public static class List_ implements KubernetesListObject {
    public String apiVersion;
    public String kind;
    public V1ListMeta metadata;
    public List<TestIdentity> items;

    @Override
    public V1ListMeta getMetadata() {
      return metadata;
    }

    @Override
    public List<TestIdentity> getItems() {
      return items;
    }

    @Override
    public String getApiVersion() {
      return apiVersion;
    }

    @Override
    public String getKind() {
      return kind;
    }
  }
}
