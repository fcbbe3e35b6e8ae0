package io.podidentity.common.plan;

import static io.podidentity.common.model.AssignmentState.ASSIGNED;
import static io.podidentity.common.model.AssignmentState.CREATED;
import static io.podidentity.common.testing.ModelFixtures.assigned;
import static io.podidentity.common.testing.ModelFixtures.binding;
import static io.podidentity.common.testing.ModelFixtures.idOf;
import static io.podidentity.common.testing.ModelFixtures.pod;
import static io.podidentity.common.testing.ModelFixtures.servicePrincipal;
import static io.podidentity.common.testing.ModelFixtures.userAssigned;
import static io.podidentity.common.testing.ModelFixtures.vmTarget;
import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AzureIdentity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** §2.5 step 11.4: after a failed update, what is on the VM decides each assigned identity's fate. */
class AssignmentVerificationTest {
  private final AzureIdentity good = userAssigned("team", "good");
  private final AzureIdentity bad = userAssigned("team", "bad");
  private final AzureIdentity sp = servicePrincipal("team", "sp");
  private final AssignedIdentity goodCreated = assigned(pod("team", "p1", "vm-1", "s"), good,
      binding("team", "b1", "good", "s"), CREATED);
  private final AssignedIdentity badCreated = assigned(pod("team", "p2", "vm-1", "s"), bad,
      binding("team", "b2", "bad", "s"), CREATED);
  private final AssignedIdentity spCreated = assigned(pod("team", "p3", "vm-1", "s"), sp,
      binding("team", "b3", "sp", "s"), CREATED);
  private final AssignedIdentity leaving = assigned(pod("team", "p4", "vm-1", "s"), userAssigned("team", "old"),
      binding("team", "b4", "old", "s"), ASSIGNED);
  private final AssignedIdentity leavingKept = assigned(pod("team", "p5", "vm-1", "s"), good,
      binding("team", "b1", "good", "s"), ASSIGNED);

  private TargetWork work() {
    return new TargetWork(vmTarget("vm-1"), List.of(goodCreated, badCreated, spCreated), List.of(), List.of(),
        List.of(leaving, leavingKept), new IdentityChange(Set.of(idOf(good), idOf(bad)), Set.of(idOf(leaving.identity()))));
  }

  @Test
  void goodIdentitiesBecomeAssignedAndBadOnesStayCreated() {
    HolderIdentity actual = new HolderIdentity("UserAssigned", Set.of(idOf(good).toString()));

    AssignmentVerification verification = AssignmentVerification.of(work(), actual);

    assertThat(verification.assigned()).containsExactlyInAnyOrder(goodCreated, spCreated);
    assertThat(verification.notAssigned()).containsExactly(badCreated);
    assertThat(verification.complete()).isFalse();
  }

  @Test
  void keepsAnAssignedIdentityWhoseIdentityCouldNotBeDetached() {
    HolderIdentity actual = new HolderIdentity("UserAssigned",
        Set.of(idOf(good).toString(), idOf(leaving.identity()).toString()));

    AssignmentVerification verification = AssignmentVerification.of(work(), actual);

    assertThat(verification.stillAttached()).containsExactly(leaving);
    assertThat(verification.deletable()).containsExactly(leavingKept);
  }

  @Test
  void deletesWhatWasDetached() {
    HolderIdentity actual = new HolderIdentity("UserAssigned", Set.of(idOf(good).toString(), idOf(bad).toString()));

    AssignmentVerification verification = AssignmentVerification.of(work(), actual);

    assertThat(verification.deletable()).containsExactlyInAnyOrder(leaving, leavingKept);
    assertThat(verification.complete()).isTrue();
  }
}
