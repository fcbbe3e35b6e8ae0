package io.podidentity.bench.planner;

import static io.podidentity.common.testing.ModelFixtures.binding;
import static io.podidentity.common.testing.ModelFixtures.pod;
import static io.podidentity.common.testing.ModelFixtures.scaleSetNode;
import static io.podidentity.common.testing.ModelFixtures.userAssigned;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.plan.AssignmentPlan;
import io.podidentity.common.plan.AssignmentPlanner;
import io.podidentity.common.plan.ClusterSnapshot;
import io.podidentity.common.plan.NodePlacement;
import io.podidentity.common.plan.PlannerSettings;
import io.podidentity.common.plan.PodView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One planning pass of MIC's pure planner over a cluster snapshot: {@code fresh}, every pod new (one create per
 * pod, one batch per scale set), or {@code settled}, every pod already Assigned (the plan is empty). 200 nodes in 20
 * scale sets, one identity per 100 pods.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlannerBenchmark {
  private static final int SCALE_SETS = 20;
  private static final int INSTANCES = 10;

  @Param({"1000"})
  public int pods;

  @Param({"fresh", "settled"})
  public String cluster;

  private ClusterSnapshot snapshot;
  private final PlannerSettings settings = PlannerSettings.defaults();

  @Setup
  public void build() {
    snapshot = snapshot(pods, cluster.equals("settled"));
  }

  @Benchmark
  public AssignmentPlan plan() {
    return AssignmentPlanner.plan(snapshot, settings);
  }

  static ClusterSnapshot snapshot(int podCount, boolean settled) {
    Map<String, NodePlacement> nodes = new HashMap<>();
    for (int s = 0; s < SCALE_SETS; s++) {
      for (int i = 0; i < INSTANCES; i++) {
        nodes.put("ss" + s + "-" + i, scaleSetNode("ss" + s, Integer.toString(i)));
      }
    }
    int identityCount = Math.max(10, podCount / 100);
    Map<ObjectRef, AzureIdentity> identities = new HashMap<>();
    List<IdentityBinding> bindings = new ArrayList<>();
    AzureIdentity[] byIndex = new AzureIdentity[identityCount];
    IdentityBinding[] bindingByIndex = new IdentityBinding[identityCount];
    for (int i = 0; i < identityCount; i++) {
      byIndex[i] = userAssigned("ns" + (i % 50), "id" + i);
      bindingByIndex[i] = binding("ns" + (i % 50), "b" + i, "id" + i, "sel" + i);
      identities.put(byIndex[i].ref(), byIndex[i]);
      bindings.add(bindingByIndex[i]);
    }
    List<PodView> podViews = new ArrayList<>();
    List<AssignedIdentity> assigned = new ArrayList<>();
    for (int p = 0; p < podCount; p++) {
      int i = p % identityCount;
      PodView pod = pod("ns" + (i % 50), "pod" + p, "ss" + (p % SCALE_SETS) + "-" + (p / SCALE_SETS % INSTANCES),
          "sel" + i);
      podViews.add(pod);
      if (settled) {
        assigned.add(new AssignedIdentity(AssignedIdentity.refFor(pod.ref(), byIndex[i], false), "9", byIndex[i],
            bindingByIndex[i], pod.ref(), pod.nodeName(), AssignmentState.ASSIGNED));
      }
    }
    return new ClusterSnapshot(podViews, nodes, identities, bindings, assigned);
  }
}
