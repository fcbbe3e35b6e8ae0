package io.podidentity.mic.reconcile;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What executing one plan did, summed over its batches and orphans. */
record ExecutionReport(int written, int assigned, int deleted, boolean workLeft, Optional<Duration> waitAtLeast) {

  static final ExecutionReport NONE = new ExecutionReport(0, 0, 0, false, Optional.empty());

  static ExecutionReport of(List<TargetReport> targets, int orphansDeleted, boolean orphansLeft) {
    int written = 0;
    int assigned = 0;
    int deleted = orphansDeleted;
    boolean workLeft = orphansLeft;
    Optional<Duration> wait = Optional.empty();
    for (TargetReport t : targets) {
      written += t.written();
      assigned += t.assigned();
      deleted += t.deleted();
      workLeft |= t.workLeft();
      if (t.waitAtLeast().isPresent() && (wait.isEmpty() || t.waitAtLeast().get().compareTo(wait.get()) > 0)) {
        wait = t.waitAtLeast();
      }
    }
    return new ExecutionReport(written, assigned, deleted, workLeft, wait);
  }
}
