package io.podidentity.mic.kubernetes;

import io.podidentity.common.port.AssignedIdentityStore;
import io.podidentity.common.port.EventSink;
import io.podidentity.mic.ClusterWatch;
import io.podidentity.mic.azure.AzureConfig;
import io.podidentity.mic.config.MicSettings;
import io.podidentity.mic.metrics.MicMetrics;
import io.podidentity.mic.reconcile.SnapshotSource;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * MIC's Kubernetes side on one API client: the informers (as the {@link ClusterWatch}), the snapshot source reading
 * them, the assigned identity store, the event sink, the Lease election and the type upgrade.
 */
public final class KubernetesAdapters implements ClusterWatch {
  private final ClusterInformers informers;
  private final RecentWrites writes;
  private final ChangeFilter filter;
  private final InformerSnapshotSource source;
  private final KubernetesAssignedIdentityStore store;
  private final KubernetesEventSink events;

  public KubernetesAdapters(io.kubernetes.client.openapi.ApiClient client, MicSettings settings, MicMetrics metrics,
      Clock clock, Supplier<AzureConfig> cloud) {
    this.informers = new ClusterInformers(client, settings.kubernetes());
    this.writes = new RecentWrites(clock);
    this.filter = new ChangeFilter(settings.sync().ignoreUnchangedResyncs(), settings.releaseFinishedPods());
    this.source = new InformerSnapshotSource(informers, writes, cloud);
    this.store = new KubernetesAssignedIdentityStore(client, source::objects, writes, settings.forceNamespaced(),
        metrics, clock);
    this.events = new KubernetesEventSink(client, new ObjectUids(informers), clock);
  }

  public SnapshotSource source() {
    return source;
  }

  public AssignedIdentityStore store() {
    return store;
  }

  public EventSink events() {
    return events;
  }

  @Override
  public void start(Runnable onChange) {
    informers.start(onChange, filter, writes);
  }

  @Override
  public boolean hasSynced() {
    return informers.hasSynced();
  }

  @Override
  public void close() {
    informers.close();
    events.close();
  }
}
