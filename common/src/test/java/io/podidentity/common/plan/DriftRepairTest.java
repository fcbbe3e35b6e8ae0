package io.podidentity.common.plan;

import static io.podidentity.common.model.AssignmentState.ASSIGNED;
import static io.podidentity.common.model.AssignmentState.CREATED;
import static io.podidentity.common.testing.ModelFixtures.assigned;
import static io.podidentity.common.testing.ModelFixtures.binding;
import static io.podidentity.common.testing.ModelFixtures.idOf;
import static io.podidentity.common.testing.ModelFixtures.pod;
import static io.podidentity.common.testing.ModelFixtures.scaleSetNode;
import static io.podidentity.common.testing.ModelFixtures.scaleSetTarget;
import static io.podidentity.common.testing.ModelFixtures.servicePrincipal;
import static io.podidentity.common.testing.ModelFixtures.userAssigned;
import static io.podidentity.common.testing.ModelFixtures.vmNode;
import static io.podidentity.common.testing.ModelFixtures.vmTarget;
import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.AzureIdentity;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** §2.7: Assigned assigned identities are the truth; missing identities are added back, nothing is removed. */
class DriftRepairTest {
  private final AzureIdentity id1 = userAssigned("team", "id1");
  private final AzureIdentity id2 = userAssigned("team", "id2");

  @Test
  void expectsTheIdentitiesOfAssignedOnesPerVmAndScaleSet() {
    ClusterSnapshot snapshot = new SnapshotBuilder()
        .node("vm-1", vmNode("vm-1")).node("ss-0", scaleSetNode("ss", "0")).node("ss-1", scaleSetNode("ss", "1"))
        .assigned(assigned(pod("team", "a", "vm-1", "s"), id1, binding("team", "b", "id1", "s"), ASSIGNED))
        .assigned(assigned(pod("team", "b", "ss-0", "s"), id1, binding("team", "b", "id1", "s"), ASSIGNED))
        .assigned(assigned(pod("team", "c", "ss-1", "s"), id2, binding("team", "b2", "id2", "s"), ASSIGNED))
        .assigned(assigned(pod("team", "d", "vm-1", "s"), id2, binding("team", "b2", "id2", "s"), CREATED))
        .assigned(assigned(pod("team", "e", "vm-1", "s"), servicePrincipal("team", "sp"),
            binding("team", "b3", "sp", "s"), ASSIGNED))
        .assigned(assigned(pod("team", "f", "gone", "s"), id2, binding("team", "b2", "id2", "s"), ASSIGNED))
        .build();

    assertThat(DriftRepair.expected(snapshot)).isEqualTo(Map.of(
        vmTarget("vm-1"), Set.of(idOf(id1)),
        scaleSetTarget("ss"), Set.of(idOf(id1), idOf(id2))));
  }

  @Test
  void addsBackOnlyWhatIsMissing() {
    HolderIdentity actual = new HolderIdentity("UserAssigned", Set.of(idOf(id1).toString(), "/subscriptions/x/"
        + "resourcegroups/y/providers/Microsoft.ManagedIdentity/userAssignedIdentities/manual"));

    IdentityChange change = DriftRepair.missing(Set.of(idOf(id1), idOf(id2)), actual);

    assertThat(change).isEqualTo(new IdentityChange(Set.of(idOf(id2)), Set.of()));
  }
}
