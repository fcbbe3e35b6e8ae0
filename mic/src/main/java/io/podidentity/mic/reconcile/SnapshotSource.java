package io.podidentity.mic.reconcile;

import io.podidentity.common.plan.ClusterSnapshot;
import java.util.List;
import java.util.Objects;

/** Where a sync reads the cluster from: the informer caches in MIC, a fake cluster in component tests. */
public interface SnapshotSource {

  /** The cluster now, as valid records, and what was wrong with the objects left out. */
  Captured capture();

  /** A snapshot and the problems found while making it. */
  record Captured(ClusterSnapshot snapshot, List<Problem> problems) {
    public Captured {
      Objects.requireNonNull(snapshot, "snapshot");
      problems = List.copyOf(problems);
    }
  }
}
