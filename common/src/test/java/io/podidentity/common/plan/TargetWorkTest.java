package io.podidentity.common.plan;

import static io.podidentity.common.model.AssignmentState.CREATED;
import static io.podidentity.common.testing.ModelFixtures.assigned;
import static io.podidentity.common.testing.ModelFixtures.binding;
import static io.podidentity.common.testing.ModelFixtures.idOf;
import static io.podidentity.common.testing.ModelFixtures.pod;
import static io.podidentity.common.testing.ModelFixtures.userAssigned;
import static io.podidentity.common.testing.ModelFixtures.vmTarget;
import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AzureIdentity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetWorkTest {
  private final AzureIdentity id1 = userAssigned("team", "id1");
  private final AzureIdentity id2 = userAssigned("team", "id2");
  private final AzureIdentity old = userAssigned("team", "old");
  private final AssignedIdentity first = assigned(pod("team", "p1", "vm-1", "s"), id1, binding("team", "b", "id1", "s"),
      CREATED);
  private final AssignedIdentity second = assigned(pod("team", "p2", "vm-1", "s"), id2,
      binding("team", "b2", "id2", "s"), CREATED);

  @Test
  void attachesNothingForAnAssignedIdentityThatCouldNotBeWritten() {
    TargetWork work = new TargetWork(vmTarget("vm-1"), List.of(first, second), List.of(), List.of(), List.of(),
        new IdentityChange(Set.of(idOf(id1), idOf(id2)), Set.of(idOf(old))));

    TargetWork kept = work.withoutUnwritten(Set.of(second.ref()));

    assertThat(kept.creates()).containsExactly(first);
    assertThat(kept.change()).isEqualTo(new IdentityChange(Set.of(idOf(id1)), Set.of(idOf(old))));
  }

  @Test
  void dropsRefusedIdentitiesFromBothSides() {
    IdentityChange change = new IdentityChange(Set.of(idOf(id1), idOf(id2)), Set.of(idOf(old)));

    assertThat(change.without(Set.of(idOf(id2), idOf(old)))).isEqualTo(new IdentityChange(Set.of(idOf(id1)), Set.of()));
  }
}
