package io.podidentity.mic.reconcile;

import io.podidentity.common.plan.AssignmentPlan;
import io.podidentity.common.plan.AssignmentPlanner;
import io.podidentity.common.plan.PlannerSettings;
import io.podidentity.mic.metrics.MicMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One MIC sync: snapshot the caches, report what was skipped, plan, and execute the plan. Returns when the next
 * sync should come at the latest (a retry of unfinished work), or nothing when only events should trigger it.
 */
public final class AssignmentReconciler {
  private static final Logger LOG = Logger.getLogger(AssignmentReconciler.class.getName());

  private final SnapshotSource source;
  private final Supplier<PlannerSettings> settings;
  private final PlanExecutor executor;
  private final ProblemReporter problems;
  private final Quarantine quarantine;
  private final RetryBackoff backoff;
  private final MicMetrics metrics;
  private final Clock clock;
  private long syncs;
  private long syncsWithWork;

  AssignmentReconciler(SnapshotSource source, Supplier<PlannerSettings> settings, PlanExecutor executor,
      ProblemReporter problems, Quarantine quarantine, RetryBackoff backoff, MicMetrics metrics, Clock clock) {
    this.source = source;
    this.settings = settings;
    this.executor = executor;
    this.problems = problems;
    this.quarantine = quarantine;
    this.backoff = backoff;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Runs one sync; returns how soon the next one is needed, if unfinished work is waiting. */
  public Optional<Duration> sync() {
    Instant start = clock.instant();
    syncs++;
    SnapshotSource.Captured captured = source.capture();
    AssignmentPlan plan = AssignmentPlanner.plan(captured.snapshot(), settings.get());
    List<Problem> found = new ArrayList<>(captured.problems());
    plan.notes().forEach(note -> found.add(ProblemReporter.of(note)));
    problems.reportSync(found);
    ExecutionReport report = plan.hasWork() ? executor.execute(plan) : ExecutionReport.NONE;
    Duration took = Duration.between(start, clock.instant());
    if (plan.hasWork() || syncs % 1000 == 0) {
      syncsWithWork += plan.hasWork() ? 1 : 0;
      metrics.cycle(took);
      LOG.info(() -> "sync done in " + took.toMillis() + "ms: work=" + plan.hasWork() + " pods="
          + captured.snapshot().pods().size() + " identities=" + captured.snapshot().identities().size()
          + " bindings=" + captured.snapshot().bindings().size() + " written=" + report.written() + " assigned="
          + report.assigned() + " deleted=" + report.deleted() + " workLeft=" + report.workLeft() + " syncs="
          + syncs + " syncsWithWork=" + syncsWithWork);
    }
    return nextSync(report);
  }

  /** A sync that failed unexpectedly still needs a retry. */
  Optional<Duration> failed() {
    return backoff.after(true);
  }

  private Optional<Duration> nextSync(ExecutionReport report) {
    Optional<Duration> retry = backoff.after(report.workLeft());
    if (report.waitAtLeast().isPresent()) {
      Duration wait = report.waitAtLeast().get();
      retry = Optional.of(retry.filter(r -> r.compareTo(wait) > 0).orElse(wait));
    }
    Instant now = clock.instant();
    Optional<Duration> release = quarantine.nextRelease(now).map(at -> Duration.between(now, at));
    if (release.isPresent() && (retry.isEmpty() || release.get().compareTo(retry.get()) < 0)) {
      return release;
    }
    return retry;
  }
}
