package io.podidentity.nmi.kubernetes;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.podidentity.common.crd.CrdKind;
import io.podidentity.common.crd.CrdNames;
import io.podidentity.common.crd.V1AzureAssignedIdentity;
import io.podidentity.common.crd.V1AzureAssignedIdentityList;
import java.time.Duration;

/**
 * The informers NMI runs (§3.2 step 2), all in one factory: this node's pods ({@code spec.nodeName=<node>}), the
 * assigned identities (only those labelled {@code nodename=<node>} with scale features), and the other kinds across
 * all namespaces. Each is created only when the mode needs it.
 */
final class NodeInformers {
  private final ApiClient client;
  private final SharedInformerFactory factory;
  private final long resyncMillis;

  NodeInformers(ApiClient client, Duration resync) {
    this.client = client;
    this.factory = new SharedInformerFactory(client);
    this.resyncMillis = resync.toMillis();
  }

  SharedIndexInformer<V1Pod> pods(String node) {
    CoreV1Api core = new CoreV1Api(client);
    return factory.sharedIndexInformerFor(params -> core.listPodForAllNamespaces()
        .fieldSelector("spec.nodeName=" + node).resourceVersion(params.resourceVersion)
        .timeoutSeconds(params.timeoutSeconds).watch(params.watch).buildCall(null), V1Pod.class, V1PodList.class,
        resyncMillis);
  }

  SharedIndexInformer<V1AzureAssignedIdentity> assignedIdentities(String node, boolean onlyThisNode) {
    CustomObjectsApi custom = new CustomObjectsApi(client);
    String plural = CrdKind.AZURE_ASSIGNED_IDENTITY.plural();
    return factory.sharedIndexInformerFor(params -> {
      var request = custom.listClusterCustomObject(CrdNames.GROUP, CrdNames.VERSION, plural)
          .resourceVersion(params.resourceVersion).timeoutSeconds(params.timeoutSeconds).watch(params.watch);
      return (onlyThisNode ? request.labelSelector(CrdNames.NODE_NAME_LABEL + "=" + node) : request).buildCall(null);
    }, V1AzureAssignedIdentity.class, V1AzureAssignedIdentityList.class, resyncMillis);
  }

  <T extends KubernetesObject, L extends KubernetesListObject> SharedIndexInformer<T> all(CrdKind kind,
      Class<T> type, Class<L> listType) {
    return factory.sharedIndexInformerFor(new GenericKubernetesApi<>(type, listType, CrdNames.GROUP,
        CrdNames.VERSION, kind.plural(), client), type, resyncMillis);
  }

  void start() {
    factory.startAllRegisteredInformers();
  }

  void stop() {
    factory.stopAllRegisteredInformers();
  }
}
