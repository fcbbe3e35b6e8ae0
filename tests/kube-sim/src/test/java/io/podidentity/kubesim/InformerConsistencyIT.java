package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * client-java's informers stay exact through a storm of concurrent writes: their caches end equal to the
 * simulator's state, each informer sees every object's events in strictly increasing resourceVersion order, and
 * the watch stream beneath delivers all events of the resource once, in resourceVersion order.
 */
class InformerConsistencyIT {
  private static final int OPERATIONS = 1_000;
  private static final int WRITERS = 4;
  private static final int NAMES = 40;

  private KubeSimulator sim;
  private SimHttp http;
  private SharedInformerFactory factory;

  @BeforeEach
  void start() {
    sim = KubeSimulator.builder().start();
    http = new SimHttp(sim);
    Fixtures.installIdentityCrd(sim);
  }

  @AfterEach
  void stop() {
    if (factory != null) {
      factory.stopAllRegisteredInformers();
    }
    sim.close();
  }

  @Test
  void informerCachesEndEqualToTheServerAndSeeEventsInOrder() throws Exception {
    ApiClient client = ClientBuilder.standard(false).setBasePath(sim.baseUrl()).build();
    client.setHttpClient(client.getHttpClient().newBuilder().readTimeout(0, TimeUnit.SECONDS).build());
    factory = new SharedInformerFactory(client);
    SharedIndexInformer<V1Pod> pods = factory.sharedIndexInformerFor(
        new GenericKubernetesApi<>(V1Pod.class, V1PodList.class, "", "v1", "pods", client), V1Pod.class, 0);
    SharedIndexInformer<TestIdentity> identities = factory.sharedIndexInformerFor(
        new GenericKubernetesApi<>(TestIdentity.class, TestIdentity.List_.class, Fixtures.GROUP, "v1",
            "azureidentities", client), TestIdentity.class, 0);
    EventRecorder<V1Pod> podEvents = new EventRecorder<>(V1Pod::getMetadata);
    EventRecorder<TestIdentity> identityEvents = new EventRecorder<>(TestIdentity::getMetadata);
    pods.addEventHandler(podEvents);
    identities.addEventHandler(identityEvents);
    factory.startAllRegisteredInformers();
    await().atMost(Duration.ofSeconds(10)).until(() -> pods.hasSynced() && identities.hasSynced());

    long podEventsBefore = eventCount("pods");
    long identityEventsBefore = eventCount("azureidentities");
    List<Long> wire = Collections.synchronizedList(new ArrayList<>());
    SimHttp.WatchLines watch = http.watch("/api/v1/pods?watch=1&timeoutSeconds=60&resourceVersion=" + sim.resourceVersion());
    Thread reader = Thread.ofVirtual().start(() -> {
      try {
        for (var e = watch.next(); e != null; e = watch.next()) {
          wire.add(e.getAsJsonObject("object").getAsJsonObject("metadata").get("resourceVersion").getAsLong());
        }
      } catch (java.io.UncheckedIOException closedByTheTest) {
        // the test closes the watch once it has every event
      }
    });

    storm();

    long expected = eventCount("pods") - podEventsBefore;
    await().atMost(Duration.ofSeconds(20)).until(() -> wire.size() >= expected);
    watch.close();
    reader.join(5_000);
    assertThat(wire).as("the watch delivers every pod event once, in resourceVersion order")
        .hasSize((int) expected).isSorted().doesNotHaveDuplicates();

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(cache(pods.getIndexer().list(), V1Pod::getMetadata)).isEqualTo(server("v1", "pods"));
      assertThat(cache(identities.getIndexer().list(), TestIdentity::getMetadata))
          .isEqualTo(server("aadpodidentity.k8s.io/v1", "azureidentities"));
    });
    podEvents.assertStrictlyIncreasingPerObject();
    identityEvents.assertStrictlyIncreasingPerObject();
    assertThat(podEvents.count()).as("pod events, none lost or repeated").isEqualTo(expected);
    assertThat(identityEvents.count()).as("identity events, none lost or repeated")
        .isEqualTo(eventCount("azureidentities") - identityEventsBefore);
  }

  /** Random creates, updates and deletes of pods and identities from several threads, on a few names. */
  private void storm() throws InterruptedException {
    AtomicInteger done = new AtomicInteger();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    for (int w = 0; w < WRITERS; w++) {
      writers.submit(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (done.getAndIncrement() < OPERATIONS) {
          boolean pod = random.nextBoolean();
          String name = (pod ? "p" : "id") + random.nextInt(NAMES);
          String collection = pod ? "/api/v1/namespaces/default/pods" : Fixtures.IDENTITIES;
          switch (random.nextInt(3)) {
            case 0 -> http.post(collection, pod ? Fixtures.pod(name, "v0") : Fixtures.identity(name, 0));
            case 1 -> http.patch(collection + "/" + name, "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"app\":\"v" + random.nextInt(1000) + "\"}}}");
            default -> http.delete(collection + "/" + name);
          }
        }
      });
    }
    writers.shutdown();
    assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
  }

  private long eventCount(String resource) {
    return sim.events(resource, "ADDED") + sim.events(resource, "MODIFIED") + sim.events(resource, "DELETED");
  }

  private Map<String, String> server(String apiVersion, String resource) {
    Map<String, String> out = new TreeMap<>();
    sim.list(apiVersion, resource, "default").forEach(o -> out.put(
        o.getAsJsonObject("metadata").get("name").getAsString(),
        o.getAsJsonObject("metadata").get("resourceVersion").getAsString()));
    return out;
  }

  private static <T> Map<String, String> cache(List<T> objects, Function<T, V1ObjectMeta> meta) {
    Map<String, String> out = new TreeMap<>();
    objects.forEach(o -> out.put(meta.apply(o).getName(), meta.apply(o).getResourceVersion()));
    return out;
  }

  /** Records the resourceVersion of every event an informer delivers. */
  private static final class EventRecorder<T extends io.kubernetes.client.common.KubernetesObject>
      implements ResourceEventHandler<T> {
    private final Function<T, V1ObjectMeta> meta;
    private final Map<String, List<Long>> versions = new java.util.concurrent.ConcurrentHashMap<>();

    EventRecorder(Function<T, V1ObjectMeta> meta) {
      this.meta = meta;
    }

    @Override
    public void onAdd(T obj) {
      record(obj);
    }

    @Override
    public void onUpdate(T oldObj, T newObj) {
      record(newObj);
    }

    @Override
    public void onDelete(T obj, boolean deletedFinalStateUnknown) {
      assertThat(deletedFinalStateUnknown).as("a delete the informer did not see").isFalse();
      record(obj);
    }

    private void record(T obj) {
      versions.computeIfAbsent(meta.apply(obj).getName(), k -> Collections.synchronizedList(new ArrayList<>()))
          .add(Long.parseLong(meta.apply(obj).getResourceVersion()));
    }

    int count() {
      return versions.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Checks each object's events: an informer's queue keeps one entry per object, so its handlers see one
     * object's changes in order while different objects' changes may interleave.
     */
    void assertStrictlyIncreasingPerObject() {
      versions.forEach((name, list) -> assertThat(list).as(name).isSorted().doesNotHaveDuplicates());
    }
  }
}
