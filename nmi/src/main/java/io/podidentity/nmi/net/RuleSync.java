package io.podidentity.nmi.net;

import io.podidentity.nmi.config.NmiSettings;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Keeps the redirect in place (§3.8): syncs the rules at start and every {@code --ipt-update-interval-sec},
 * repairing whatever changed; deletes conntrack entries once after the first sync when asked; removes the rules on
 * {@link #close()} (the container's shutdown on SIGTERM or SIGINT). A failed sync is logged and retried at the next
 * interval while readiness reports it (the original exited instead). With rule management off it is always active.
 */
public final class RuleSync implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RuleSync.class.getName());

  private final NmiSettings settings;
  private final CommandRunner runner;
  private final ScheduledExecutorService scheduler;
  private final RedirectRules rules;
  private volatile IptablesRedirector redirector;
  private volatile ScheduledFuture<?> schedule;
  private volatile boolean active;
  private volatile boolean inPlace;
  private volatile boolean flushed;

  public RuleSync(NmiSettings settings, CommandRunner runner, ScheduledExecutorService scheduler) {
    this.settings = settings;
    this.runner = runner;
    this.scheduler = scheduler;
    this.rules = RedirectRules.of(settings.imds().ip(), settings.imds().port(), settings.listen().host(),
        settings.listen().port());
  }

  public void start() {
    if (!settings.rules().manage()) {
      LOG.info("skip redirect rules: rule management is off (nmi.manage-iptables=false)");
      active = true;
      inPlace = true;
      return;
    }
    schedule = scheduler.scheduleWithFixedDelay(this::syncOnce, 0,
        Math.max(1, settings.rules().updateInterval().toMillis()), TimeUnit.MILLISECONDS);
  }

  /** The original's {@code /healthz} condition: the first sync (and conntrack deletion, if enabled) happened. */
  public boolean active() {
    return active;
  }

  /** Readiness: the last sync left the rules as they should be. */
  public boolean inPlace() {
    return inPlace;
  }

  void syncOnce() {
    try {
      if (redirector == null) {
        redirector = new IptablesRedirector(runner, IptablesBackend.binary(settings.rules().backend(), runner));
        LOG.info(() -> "manage redirect rules backend=" + redirector.binary() + " chain=" + RedirectRules.CHAIN
            + " target=" + rules.targetIp() + ":" + rules.targetPort());
      }
      switch (redirector.sync(rules)) {
        case IptablesRedirector.Outcome.Done done -> synced(done.actions());
        case IptablesRedirector.Outcome.Failed failed -> {
          inPlace = false;
          LOG.severe(() -> "failed to sync redirect rules error=" + failed.message());
        }
      }
    } catch (RuntimeException e) {
      inPlace = false;
      LOG.severe(() -> "failed to sync redirect rules error=" + e);
    }
  }

  private void synced(List<RuleAction> actions) {
    inPlace = true;
    if (!actions.isEmpty()) {
      LOG.warning(() -> "repair redirect rules changes=" + actions.stream()
          .map(a -> a.getClass().getSimpleName()).toList());
    }
    if (settings.rules().conntrackDeletion() && !flushed) {
      var failure = ConntrackFlusher.flush(runner, settings.imds().ip(), settings.imds().port());
      failure.ifPresent(message -> LOG.severe(() -> "failed to delete conntrack entries error=" + message));
      flushed = failure.isEmpty();
      if (!flushed) {
        return;
      }
      LOG.info(() -> "delete conntrack entries destination=" + settings.imds().ip() + ":" + settings.imds().port());
    }
    active = true;
  }

  @Override
  public void close() {
    if (schedule == null) {
      return;
    }
    schedule.cancel(false);
    IptablesRedirector current = redirector != null ? redirector
        : new IptablesRedirector(runner, IptablesBackend.binary(settings.rules().backend(), runner));
    switch (current.remove()) {
      case IptablesRedirector.Outcome.Done done -> LOG.info(() -> "remove redirect rules backend="
          + current.binary() + " changes=" + done.actions().size());
      case IptablesRedirector.Outcome.Failed failed -> LOG.severe(() -> "failed to remove redirect rules error="
          + failed.message());
    }
    inPlace = false;
  }
}
