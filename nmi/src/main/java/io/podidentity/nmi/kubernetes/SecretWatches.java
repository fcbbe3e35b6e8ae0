package io.podidentity.nmi.kubernetes;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretList;
import io.kubernetes.client.util.wait.Wait;
import io.podidentity.common.model.SecretRef;
import io.podidentity.nmi.token.SecretLookup;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Watches exactly the Secrets that service principal identities of this node name (one informer per Secret, with a
 * {@code metadata.name} field selector in its namespace), so a token request never reads a Secret from the API
 * server and NMI holds no other Secret. A watch starts when an identity first names the Secret and stops when none
 * does any more; a change or deletion is reported so cached tokens made with it are dropped.
 */
final class SecretWatches implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SecretWatches.class.getName());
  private static final Duration FIRST_SYNC = Duration.ofSeconds(5);

  private final ApiClient client;
  private final Duration resync;
  private final Consumer<SecretRef> onChange;
  private final Map<SecretRef, Watch> watches = new HashMap<>();

  SecretWatches(ApiClient client, Duration resync, Consumer<SecretRef> onChange) {
    this.client = client;
    this.resync = resync;
    this.onChange = onChange;
  }

  private record Watch(SharedInformerFactory factory, SharedIndexInformer<V1Secret> informer) {}

  /** Watches exactly {@code wanted} from now on. */
  synchronized void want(Set<SecretRef> wanted) {
    watches.keySet().stream().filter(ref -> !wanted.contains(ref)).toList().forEach(ref -> {
      watches.remove(ref).factory().stopAllRegisteredInformers();
      LOG.fine(() -> "stop watching secret=" + ref);
    });
    wanted.stream().filter(ref -> !watches.containsKey(ref)).forEach(ref -> watches.put(ref, start(ref)));
  }

  /** The Secret's data from the watch, waiting briefly for a watch that has just started. */
  SecretLookup lookup(SecretRef ref) {
    Watch watch;
    synchronized (this) {
      watch = watches.computeIfAbsent(ref, this::start);
    }
    if (!watch.informer().hasSynced()
        && !Wait.poll(Duration.ofMillis(50), FIRST_SYNC, () -> watch.informer().hasSynced())) {
      return new SecretLookup.Missing("the watch of secret " + ref + " has not synced yet");
    }
    V1Secret secret = watch.informer().getIndexer().getByKey(ref.namespace() + "/" + ref.name());
    if (secret == null) {
      return new SecretLookup.Missing("secrets \"" + ref.name() + "\" not found");
    }
    return new SecretLookup.Found(secret.getData() == null ? Map.of() : secret.getData());
  }

  private Watch start(SecretRef ref) {
    SharedInformerFactory factory = new SharedInformerFactory(client);
    CoreV1Api core = new CoreV1Api(client);
    SharedIndexInformer<V1Secret> informer = factory.sharedIndexInformerFor(params -> core
        .listNamespacedSecret(ref.namespace()).fieldSelector("metadata.name=" + ref.name())
        .resourceVersion(params.resourceVersion).timeoutSeconds(params.timeoutSeconds).watch(params.watch)
        .buildCall(null), V1Secret.class, V1SecretList.class, resync.toMillis());
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(V1Secret secret) {
        onChange.accept(ref);
      }

      @Override
      public void onUpdate(V1Secret before, V1Secret after) {
        if (!java.util.Objects.equals(before.getMetadata().getResourceVersion(),
            after.getMetadata().getResourceVersion())) {
          onChange.accept(ref);
        }
      }

      @Override
      public void onDelete(V1Secret secret, boolean finalStateUnknown) {
        onChange.accept(ref);
      }
    });
    factory.startAllRegisteredInformers();
    LOG.fine(() -> "watch secret=" + ref);
    return new Watch(factory, informer);
  }

  @Override
  public synchronized void close() {
    watches.values().forEach(w -> w.factory().stopAllRegisteredInformers());
    watches.clear();
  }
}
