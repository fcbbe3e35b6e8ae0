package io.podidentity.mic.kubernetes;

import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import io.podidentity.mic.Leadership;
import io.podidentity.mic.config.MicSettings;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Leader election on a {@code coordination.k8s.io} Lease (the original used an Endpoints lock of the same name and
 * namespace): lease duration as configured, renew deadline half and retry period a quarter of it. Losing the lease
 * after leading calls {@code onLost}, which ends the process so the pod restarts, as the original did.
 */
public final class LeaseElection implements Leadership {
  private static final Logger LOG = Logger.getLogger(LeaseElection.class.getName());

  private final LeaderElector elector;
  private final String identity;
  private final AtomicBoolean leading = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private Thread thread;

  public LeaseElection(ApiClient client, MicSettings.LeaderElectionSettings settings, String identity) {
    this.identity = identity;
    LeaseLock lock = new LeaseLock(settings.namespace(), settings.name(), identity, client);
    this.elector = new LeaderElector(new LeaderElectionConfig(lock, settings.duration(), settings.renewDeadline(),
        settings.retryPeriod()));
  }

  /** Competes for the lease on a thread of its own; {@code onLeading} runs once this replica holds it. */
  @Override
  public synchronized void start(Runnable onLeading, Runnable onLost) {
    thread = Thread.ofPlatform().daemon().name("mic-leader-election").start(() -> elector.run(() -> {
      leading.set(true);
      LOG.info(() -> "acquire leader lease as " + identity);
      onLeading.run();
    }, () -> {
      boolean wasLeading = leading.getAndSet(false);
      if (wasLeading && !closing.get()) {
        LOG.severe(() -> "lost leader lease as " + identity);
        onLost.run();
      }
    }));
  }

  @Override
  public boolean isLeader() {
    return leading.get();
  }

  public String identity() {
    return identity;
  }

  /** Stops competing and renewing; a lease held is left to expire. */
  @Override
  public synchronized void close() {
    closing.set(true);
    elector.close();
    if (thread != null) {
      thread.interrupt();
    }
  }
}
