package io.podidentity.nmi;

import io.podidentity.nmi.cluster.ClusterView;
import io.podidentity.nmi.http.ImdsRequests;
import io.podidentity.nmi.http.TokenDecider;
import io.podidentity.nmi.metrics.NmiMetrics;
import io.podidentity.nmi.net.RuleSync;
import io.podidentity.nmi.token.TokenService;
import io.podidentity.nmi.wait.Rechecks;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * NMI's running parts, built by {@link NmiWiring}: the cluster caches, the waits, the token service, the redirect
 * rules and the request handling. {@link #start()} starts watching and syncing; {@link #close()} removes the rules
 * and stops everything, in that order.
 */
public final class NmiRuntime implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(NmiRuntime.class.getName());
  private static final long SWEEP_SECONDS = 60;

  private final ClusterView cluster;
  private final Rechecks rechecks;
  private final TokenDecider decider;
  private final TokenService tokens;
  private final RuleSync rules;
  private final ImdsRequests requests;
  private final NmiMetrics metrics;
  private final ScheduledExecutorService scheduler;
  private final List<ExecutorService> executors;

  NmiRuntime(ClusterView cluster, Rechecks rechecks, TokenDecider decider, TokenService tokens, RuleSync rules,
      ImdsRequests requests, NmiMetrics metrics, ScheduledExecutorService scheduler, List<ExecutorService> executors) {
    this.cluster = cluster;
    this.rechecks = rechecks;
    this.decider = decider;
    this.tokens = tokens;
    this.rules = rules;
    this.requests = requests;
    this.metrics = metrics;
    this.scheduler = scheduler;
    this.executors = List.copyOf(executors);
  }

  public void start() {
    cluster.subscribe(decider);
    cluster.subscribe(new CacheInvalidation(tokens.cache()));
    cluster.start();
    rules.start();
    scheduler.scheduleWithFixedDelay(this::housekeeping, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    LOG.info("start nmi");
  }

  public ImdsRequests requests() {
    return requests;
  }

  public RuleSync rules() {
    return rules;
  }

  public ClusterView cluster() {
    return cluster;
  }

  public Rechecks rechecks() {
    return rechecks;
  }

  public TokenService tokens() {
    return tokens;
  }

  /** Ready to serve: caches synced and the redirect in place (or not managed by NMI). */
  public boolean ready() {
    return cluster.synced() && rules.inPlace();
  }

  private void housekeeping() {
    tokens.cache().sweep();
    metrics.waitingRequests(rechecks.pending());
  }

  @Override
  public void close() {
    LOG.info("stop nmi");
    rules.close();
    rechecks.close();
    cluster.close();
    scheduler.shutdownNow();
    executors.forEach(ExecutorService::shutdownNow);
  }
}
