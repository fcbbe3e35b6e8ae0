package io.podidentity.azuresim.imds;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.azuresim.world.AttachedIdentity;
import io.podidentity.azuresim.world.MachineIdentity;
import io.podidentity.azuresim.world.SystemIdentity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IdentitySelectionTest {
  private static final String VM = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm";
  private static final AttachedIdentity A = new AttachedIdentity("/subscriptions/s/resourcegroups/rg/providers/"
      + "Microsoft.ManagedIdentity/userAssignedIdentities/a", "pa", "ca");
  private static final AttachedIdentity B = new AttachedIdentity("/subscriptions/s/resourcegroups/rg/providers/"
      + "Microsoft.ManagedIdentity/userAssignedIdentities/b", "pb", "cb");
  private static final Function<String, Optional<String>> ALL_LIVE = id -> Optional.of("tenant");

  @Test
  void picksTheIdentityNamedByClientIdOrResourceId() {
    MachineIdentity two = user(A, B);
    assertThat(IdentitySelection.choose(two, VM, Optional.of("CB"), Optional.empty(), Optional.empty(), ALL_LIVE))
        .isEqualTo(new IdentityChoice.Chosen("pb", "cb", "tenant", B.resourceId()));
    assertThat(IdentitySelection.choose(two, VM, Optional.empty(), Optional.empty(),
        Optional.of(A.resourceId().toUpperCase()), ALL_LIVE)).isEqualTo(
        new IdentityChoice.Chosen("pa", "ca", "tenant", A.resourceId()));
  }

  @Test
  void isAmbiguousWithoutIdWhenSeveralUserAssignedAndNoSystemAssigned() {
    assertThat(IdentitySelection.choose(user(A, B), VM, Optional.empty(), Optional.empty(), Optional.empty(),
        ALL_LIVE)).isInstanceOf(IdentityChoice.Ambiguous.class);
  }

  @Test
  void prefersTheSystemAssignedIdentityWhenNoneIsNamed() {
    MachineIdentity both = new MachineIdentity(new SystemIdentity("ps", "cs", "t0"), user(A, B).userAssigned());
    assertThat(IdentitySelection.choose(both, VM, Optional.empty(), Optional.empty(), Optional.empty(), ALL_LIVE))
        .isEqualTo(new IdentityChoice.Chosen("ps", "cs", "t0", VM));
  }

  @Test
  void neverChoosesAnIdentityThatIsNotAttachedOrWasDeleted() {
    assertThat(IdentitySelection.choose(user(A), VM, Optional.of("cb"), Optional.empty(), Optional.empty(),
        ALL_LIVE)).isInstanceOf(IdentityChoice.NotFound.class);
    assertThat(IdentitySelection.choose(user(A), VM, Optional.of("ca"), Optional.empty(), Optional.empty(),
        id -> Optional.empty())).isInstanceOf(IdentityChoice.NotFound.class);
    assertThat(IdentitySelection.choose(MachineIdentity.NONE, VM, Optional.empty(), Optional.empty(),
        Optional.empty(), ALL_LIVE)).isInstanceOf(IdentityChoice.NotFound.class);
  }

  private static MachineIdentity user(AttachedIdentity... identities) {
    Map<String, AttachedIdentity> map = new LinkedHashMap<>();
    for (AttachedIdentity a : identities) {
      map.put(a.resourceId().toLowerCase(), a);
    }
    return new MachineIdentity(null, map);
  }
}
