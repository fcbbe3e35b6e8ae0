package io.podidentity.azuresim.arm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionPatternTest {
  @ParameterizedTest
  @CsvSource({
      "*, Microsoft.Compute/virtualMachines/write, true",
      "*/read, Microsoft.Compute/virtualMachines/read, true",
      "*/read, Microsoft.Compute/virtualMachines/write, false",
      "Microsoft.Compute/virtualMachines/*, Microsoft.Compute/virtualMachines/write, true",
      "Microsoft.Compute/virtualMachines/*, Microsoft.Compute/virtualMachineScaleSets/write, false",
      "Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action, "
          + "Microsoft.ManagedIdentity/userAssignedIdentities/assign/action, true",
      "Microsoft.ManagedIdentity/userAssignedIdentities/*/read, "
          + "Microsoft.ManagedIdentity/userAssignedIdentities/read, true",
      "Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action, "
          + "Microsoft.ManagedIdentity/userAssignedIdentities/write, false",
      "Microsoft.Authorization/*/Write, microsoft.authorization/roleassignments/write, true"
  })
  void matchesActionsTheWayAzureRbacDoes(String pattern, String action, boolean expected) {
    assertThat(ActionPattern.matches(pattern.trim(), action.trim())).isEqualTo(expected);
  }
}
