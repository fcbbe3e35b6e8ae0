package io.podidentity.mic.kubernetes;

import io.kubernetes.client.extended.event.EventType;
import io.kubernetes.client.extended.event.legacy.EventRecorder;
import io.kubernetes.client.extended.event.legacy.LegacyEventBroadcaster;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.podidentity.common.port.ClusterEvent;
import io.podidentity.common.port.EventSink;
import io.podidentity.common.port.EventTarget;
import java.util.Optional;
import java.util.function.Function;

/**
 * Records Events through client-java's legacy broadcaster (client-go's recorder: queued, sent by its own thread,
 * similar events aggregated), from source component {@code aadpodidentity.k8s.io} as the original. The involved
 * object's uid comes from the informer caches when the object is there.
 */
final class KubernetesEventSink implements EventSink, AutoCloseable {
  static final String COMPONENT = "aadpodidentity.k8s.io";

  private final LegacyEventBroadcaster broadcaster;
  private final EventRecorder recorder;
  private final Function<EventTarget, Optional<String>> uids;

  KubernetesEventSink(ApiClient client, Function<EventTarget, Optional<String>> uids) {
    this.broadcaster = new LegacyEventBroadcaster(new CoreV1Api(client));
    this.recorder = broadcaster.newRecorder(new V1EventSource().component(COMPONENT));
    this.uids = uids;
    broadcaster.startRecording();
  }

  @Override
  public void record(ClusterEvent event) {
    EventTarget target = event.involved();
    V1ObjectReference ref = new V1ObjectReference().apiVersion(target.apiVersion()).kind(target.kind())
        .namespace(target.namespace()).name(target.name()).uid(uids.apply(target).orElse(null));
    EventType type = event.type() == ClusterEvent.Type.WARNING ? EventType.Warning : EventType.Normal;
    recorder.event(ref, type, event.reason(), "%s", event.message());
  }

  @Override
  public void close() {
    broadcaster.shutdown();
  }
}
