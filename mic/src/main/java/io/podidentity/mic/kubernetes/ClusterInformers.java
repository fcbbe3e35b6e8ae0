package io.podidentity.mic.kubernetes;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeList;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.podidentity.common.crd.CrdKind;
import io.podidentity.common.crd.CrdNames;
import io.podidentity.common.crd.V1AzureAssignedIdentity;
import io.podidentity.common.crd.V1AzureAssignedIdentityList;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.common.crd.V1AzureIdentityBinding;
import io.podidentity.common.crd.V1AzureIdentityBindingList;
import io.podidentity.common.crd.V1AzureIdentityList;
import io.podidentity.mic.config.MicSettings;

/**
 * The caches a sync reads (§2.4): pods carrying the {@code aadpodidbinding} label (others cannot match, so they are
 * not watched), nodes, identities, bindings and assigned identities, all namespaces. Watch events only mark the sync
 * loop dirty; assigned identity events only confirm MIC's own recent writes.
 */
public final class ClusterInformers implements AutoCloseable {
  private final SharedInformerFactory factory;
  final SharedIndexInformer<V1Pod> pods;
  final SharedIndexInformer<V1Node> nodes;
  final SharedIndexInformer<V1AzureIdentity> identities;
  final SharedIndexInformer<V1AzureIdentityBinding> bindings;
  final SharedIndexInformer<V1AzureAssignedIdentity> assigned;

  public ClusterInformers(ApiClient client, MicSettings.KubernetesSettings settings) {
    factory = new SharedInformerFactory(client);
    CoreV1Api core = new CoreV1Api(client);
    long podResync = settings.podResyncPeriod().toMillis();
    long crdResync = settings.crdResyncPeriod().toMillis();
    pods = factory.sharedIndexInformerFor(params -> core.listPodForAllNamespaces().labelSelector(CrdNames.POD_LABEL)
        .resourceVersion(params.resourceVersion).timeoutSeconds(params.timeoutSeconds).watch(params.watch)
        .buildCall(null), V1Pod.class, V1PodList.class, podResync);
    nodes = factory.sharedIndexInformerFor(params -> core.listNode().resourceVersion(params.resourceVersion)
        .timeoutSeconds(params.timeoutSeconds).watch(params.watch).buildCall(null), V1Node.class, V1NodeList.class,
        podResync);
    identities = factory.sharedIndexInformerFor(api(client, CrdKind.AZURE_IDENTITY, V1AzureIdentity.class,
        V1AzureIdentityList.class), V1AzureIdentity.class, crdResync);
    bindings = factory.sharedIndexInformerFor(api(client, CrdKind.AZURE_IDENTITY_BINDING,
        V1AzureIdentityBinding.class, V1AzureIdentityBindingList.class), V1AzureIdentityBinding.class, crdResync);
    assigned = factory.sharedIndexInformerFor(api(client, CrdKind.AZURE_ASSIGNED_IDENTITY,
        V1AzureAssignedIdentity.class, V1AzureAssignedIdentityList.class), V1AzureAssignedIdentity.class, crdResync);
  }

  /** Registers the handlers and starts watching; {@code onChange} runs on informer threads and must be quick. */
  public void start(Runnable onChange, ChangeFilter filter, ResourceEventHandler<V1AzureAssignedIdentity> writes) {
    pods.addEventHandler(new TriggeringHandler<>(onChange, filter::podChanged));
    nodes.addEventHandler(new TriggeringHandler<>(onChange, filter::nodeChanged));
    identities.addEventHandler(new TriggeringHandler<>(onChange, filter::crdChanged));
    bindings.addEventHandler(new TriggeringHandler<>(onChange, filter::crdChanged));
    assigned.addEventHandler(writes);
    factory.startAllRegisteredInformers();
  }

  /** Whether every cache holds its first full list. */
  public boolean hasSynced() {
    return pods.hasSynced() && nodes.hasSynced() && identities.hasSynced() && bindings.hasSynced()
        && assigned.hasSynced();
  }

  @Override
  public void close() {
    factory.stopAllRegisteredInformers();
  }

  static <T extends io.kubernetes.client.common.KubernetesObject, L extends io.kubernetes.client.common
      .KubernetesListObject> GenericKubernetesApi<T, L> api(ApiClient client, CrdKind kind, Class<T> type,
      Class<L> listType) {
    return new GenericKubernetesApi<>(type, listType, CrdNames.GROUP, CrdNames.VERSION, kind.plural(), client);
  }
}
