package io.podidentity.common.plan;

import static io.podidentity.common.model.AssignmentState.ASSIGNED;
import static io.podidentity.common.testing.ModelFixtures.binding;
import static io.podidentity.common.testing.ModelFixtures.pod;
import static io.podidentity.common.testing.ModelFixtures.scaleSetNode;
import static io.podidentity.common.testing.ModelFixtures.userAssigned;
import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import org.junit.jupiter.api.Test;

/**
 * Plans at the sizes the benchmarks use. Nothing here measures time: these guard that a settled cluster of 50,000
 * pods plans to nothing and that a new one plans exactly one create per pod, which a quadratic slip would make
 * visibly slow in CI.
 */
class PlannerScaleTest {
  private static final int PODS = 50_000;
  private static final int IDENTITIES = 500;
  private static final int SCALE_SETS = 20;

  @Test
  void plansFiftyThousandNewPodsIntoOneBatchPerScaleSet() {
    AssignmentPlan plan = AssignmentPlanner.plan(world(false).build(), PlannerSettings.defaults());

    assertThat(plan.targets()).hasSize(SCALE_SETS);
    assertThat(plan.targets().stream().mapToInt(t -> t.creates().size()).sum()).isEqualTo(PODS);
  }

  @Test
  void aSettledClusterOfFiftyThousandPodsPlansNothing() {
    AssignmentPlan plan = AssignmentPlanner.plan(world(true).build(), PlannerSettings.defaults());

    assertThat(plan.hasWork()).isFalse();
    assertThat(plan.notes()).isEmpty();
  }

  private static SnapshotBuilder world(boolean settled) {
    SnapshotBuilder builder = new SnapshotBuilder();
    for (int s = 0; s < SCALE_SETS; s++) {
      for (int i = 0; i < 10; i++) {
        builder.node("ss" + s + "-" + i, scaleSetNode("ss" + s, Integer.toString(i)));
      }
    }
    AzureIdentity[] identities = new AzureIdentity[IDENTITIES];
    IdentityBinding[] bindings = new IdentityBinding[IDENTITIES];
    for (int i = 0; i < IDENTITIES; i++) {
      identities[i] = userAssigned("ns" + (i % 50), "id" + i);
      bindings[i] = binding("ns" + (i % 50), "b" + i, "id" + i, "sel" + i);
      builder.identity(identities[i]).binding(bindings[i]);
    }
    for (int p = 0; p < PODS; p++) {
      int i = p % IDENTITIES;
      var pod = pod("ns" + (p % 50), "pod" + p, "ss" + (p % SCALE_SETS) + "-" + (p % 10), "sel" + i);
      builder.pod(pod);
      if (settled) {
        builder.assigned(new AssignedIdentity(AssignedIdentity.refFor(pod.ref(), identities[i], false), "9",
            identities[i], bindings[i], pod.ref(), pod.nodeName(), ASSIGNED));
      }
    }
    return builder;
  }
}
