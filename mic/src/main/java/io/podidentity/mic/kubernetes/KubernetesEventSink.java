package io.podidentity.mic.kubernetes;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.util.PatchUtils;
import io.podidentity.common.port.ClusterEvent;
import io.podidentity.common.port.EventSink;
import io.podidentity.common.port.EventTarget;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Records Events as client-go's recorder does, from source component {@code aadpodidentity.k8s.io}: sent by one
 * thread of their own so recording never blocks a sync, named {@code <object>.<hex time>}, and a repeat of the same
 * Event (object, type, reason, message) only bumps its count. (client-java's legacy broadcaster names Events with
 * upper-case letters, which the API server refuses.) A full queue drops Events rather than slow MIC down.
 */
final class KubernetesEventSink implements EventSink, AutoCloseable {
  static final String COMPONENT = "aadpodidentity.k8s.io";
  private static final Logger LOG = Logger.getLogger(KubernetesEventSink.class.getName());
  private static final int REMEMBERED = 4096;

  private final CoreV1Api core;
  private final Function<EventTarget, Optional<String>> uids;
  private final Clock clock;
  private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(1000), Thread.ofPlatform().daemon().name("mic-events").factory());
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, Sent> sent = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Sent> eldest) {
      return size() > REMEMBERED;
    }
  };

  /** An Event already in the API server and how often it happened. */
  private record Sent(String namespace, String name, int count) {}

  KubernetesEventSink(ApiClient client, Function<EventTarget, Optional<String>> uids, Clock clock) {
    this.core = new CoreV1Api(client);
    this.uids = uids;
    this.clock = clock;
  }

  @Override
  public void record(ClusterEvent event) {
    try {
      sender.execute(() -> send(event));
    } catch (RejectedExecutionException e) {
      LOG.fine(() -> "drop event " + event.reason() + " on " + event.involved() + ": queue full");
    }
  }

  private void send(ClusterEvent event) {
    String key = event.involved() + "|" + event.type() + "|" + event.reason() + "|" + event.message();
    Sent earlier = sent.get(key);
    try {
      if (earlier != null && bump(earlier)) {
        sent.put(key, new Sent(earlier.namespace(), earlier.name(), earlier.count() + 1));
        return;
      }
      CoreV1Event created = core.createNamespacedEvent(namespaceOf(event.involved()), fresh(event)).execute();
      sent.put(key, new Sent(created.getMetadata().getNamespace(), created.getMetadata().getName(), 1));
    } catch (ApiException | RuntimeException e) {
      LOG.fine(() -> "failed to record event " + event.reason() + " on " + event.involved() + ": " + e.getMessage());
    }
  }

  private boolean bump(Sent earlier) {
    String patch = "{\"count\":" + (earlier.count() + 1) + ",\"lastTimestamp\":\"" + now() + "\"}";
    try {
      PatchUtils.patch(CoreV1Event.class, () -> core.patchNamespacedEvent(earlier.name(), earlier.namespace(),
          new V1Patch(patch)).buildCall(null), V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH, core.getApiClient());
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  private CoreV1Event fresh(ClusterEvent event) {
    EventTarget target = event.involved();
    OffsetDateTime now = now();
    String name = target.name() + "." + Long.toHexString(clock.instant().toEpochMilli() * 1_000_000L
        + sequence.incrementAndGet() % 1_000_000L);
    return new CoreV1Event().apiVersion("v1").kind("Event")
        .metadata(new V1ObjectMeta().name(name).namespace(namespaceOf(target)))
        .involvedObject(new V1ObjectReference().apiVersion(target.apiVersion()).kind(target.kind())
            .namespace(target.namespace().isEmpty() ? null : target.namespace()).name(target.name())
            .uid(uids.apply(target).orElse(null)))
        .type(event.type().wireValue()).reason(event.reason()).message(event.message())
        .source(new V1EventSource().component(COMPONENT)).firstTimestamp(now).lastTimestamp(now).count(1);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String namespaceOf(EventTarget target) {
    return target.namespace().isEmpty() ? "default" : target.namespace();
  }

  @Override
  public void close() {
    sender.shutdown();
  }
}
