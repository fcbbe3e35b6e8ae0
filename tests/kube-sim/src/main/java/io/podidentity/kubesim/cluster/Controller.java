package io.podidentity.kubesim.cluster;

import io.podidentity.kubesim.store.EventLog;
import io.podidentity.kubesim.store.StoredEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A control loop inside the simulator (what kube-controller-manager and the kubelet do in a cluster): it reads
 * the event log from where it started, on its own virtual thread, and reconciles after each batch of events.
 * A failed reconcile is logged and retried with the next batch or after a second.
 */
public abstract class Controller implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Controller.class.getName());

  private final EventLog log;
  private final String name;
  private volatile boolean stopped;
  private Thread thread;

  protected Controller(EventLog log, String name) {
    this.log = log;
    this.name = name;
  }

  /** Starts reading events after the given resourceVersion; {@link #reconcile} runs once at start. */
  public final void start(long fromResourceVersion) {
    thread = Thread.ofVirtual().name(name).start(() -> run(fromResourceVersion));
  }

  private void run(long cursor) {
    guarded(List.of(), true);
    long position = cursor;
    while (!stopped) {
      EventLog.Batch batch;
      try {
        batch = log.next(position, TimeUnit.SECONDS.toNanos(1));
      } catch (InterruptedException e) {
        return;
      }
      if (batch.closed()) {
        return;
      }
      guarded(batch.events(), batch.events().isEmpty());
      position = batch.cursor();
    }
  }

  private void guarded(List<StoredEvent> events, boolean idle) {
    try {
      reconcile(events, idle);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "failed reconcile controller=" + name, e);
    }
  }

  /**
   * Reacts to a batch of events (possibly empty, e.g. at start or after a quiet second).
   *
   * @param idle whether no events arrived (a periodic resync)
   */
  protected abstract void reconcile(List<StoredEvent> events, boolean idle);

  /**
   * Runs a write whose failure with one of the given codes means there is nothing to do (the object is gone
   * already, exists already, or its namespace is terminating).
   */
  protected static void ignoring(java.util.Set<Integer> codes, Runnable write) {
    try {
      write.run();
    } catch (io.podidentity.kubesim.api.ApiException e) {
      if (!codes.contains(e.code())) {
        throw e;
      }
    }
  }

  @Override
  public void close() {
    stopped = true;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
