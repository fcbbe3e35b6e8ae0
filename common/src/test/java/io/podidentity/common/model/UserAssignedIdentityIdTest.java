package io.podidentity.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserAssignedIdentityIdTest {
  private static final String SUB = "2b6c4e1a-7f3d-4c8e-9a52-0d1e6f8b3c47";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/subscriptions/" + SUB + "/resourcegroups/rg1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1"
            + " | " + SUB + " | rg1 | id1",
        "/subscriptions/" + SUB + "/resourceGroups/My-RG/providers/Microsoft.ManagedIdentity/userAssignedIdentities/Id1"
            + " | " + SUB + " | My-RG | Id1",
        "/SUBSCRIPTIONS/" + SUB + "/RESOURCEGROUPS/rg1/PROVIDERS/microsoft.managedidentity/USERASSIGNEDIDENTITIES/id1"
            + " | " + SUB + " | rg1 | id1",
        // The original's pattern is not anchored: it accepts text around the ID, as here.
        "x/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/a/b"
            + " | s | rg | a/b",
      })
  void parsesWhatTheOriginalAccepts(String text, String subscription, String resourceGroup, String name) {
    assertThat(UserAssignedIdentityId.parse(text))
        .isEqualTo(Mapped.valid(new UserAssignedIdentityId(subscription, resourceGroup, name)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id1",
        "/subscriptions/s/resourcegroups/rg/providers/Microsoft.Compute/virtualMachines/vm",
        "/subscriptions/s/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1",
        "/subscriptions//resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1",
        "/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/",
      })
  void rejectsOtherIdsQuotingThemAndTheExpectedShape(String text) {
    assertThat(UserAssignedIdentityId.parse(text))
        .isEqualTo(
            Mapped.rejected(
                "\""
                    + text
                    + "\" does not match /subscriptions/<subscription>/resourcegroups/<resourcegroup>"
                    + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>"));
  }

  @Test
  void rejectsMissingText() {
    assertThat(UserAssignedIdentityId.parse("")).isEqualTo(Mapped.rejected("is missing"));
    assertThat(UserAssignedIdentityId.parse(null)).isEqualTo(Mapped.rejected("is missing"));
  }

  @Test
  void comparesIgnoringCaseAndPrintsCanonically() {
    UserAssignedIdentityId a = new UserAssignedIdentityId(SUB, "My-RG", "Id1");
    UserAssignedIdentityId b = new UserAssignedIdentityId(SUB.toUpperCase(), "my-rg", "ID1");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new UserAssignedIdentityId(SUB, "My-RG", "Id2"));
    assertThat(a)
        .hasToString(
            "/subscriptions/" + SUB + "/resourcegroups/My-RG/providers/Microsoft.ManagedIdentity"
                + "/userAssignedIdentities/Id1");
  }
}
