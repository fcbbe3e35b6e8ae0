package io.podidentity.mic.reconcile;

import io.podidentity.common.plan.ComputeTarget;
import java.time.Duration;
import java.util.Optional;

/**
 * What one batch did, for logs, metrics and the decision to sync again.
 *
 * @param workLeft something is still to do: an identity not attached or not detached, a failed write or ARM call
 * @param waitAtLeast ARM asked to wait (throttling) before calling this target again
 */
record TargetReport(ComputeTarget target, int written, int assigned, int deleted, boolean workLeft,
    Optional<Duration> waitAtLeast) {}
