package io.podidentity.azuresim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.authorization.fluent.RoleAssignmentsClient;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentInner;
import com.azure.resourcemanager.authorization.models.PrincipalType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.BuiltInRoles;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Role assignments through azure-resourcemanager-authorization, and their effect on Compute calls. */
class RoleAssignmentIT {
  private static SimulatedAzure azure;

  @BeforeAll
  static void start() {
    azure = new SimulatedAzure();
  }

  @AfterAll
  static void stop() {
    azure.close();
  }

  @Test
  void ownerGrantsReaderAndTheGranteeCanThenReadTheVm() {
    Application owner = azure.principal("owner", "Owner");
    Application grantee = azure.principal("grantee");
    var vms = azure.computeWithoutRetries(grantee).serviceClient().getVirtualMachines();
    assertThatThrownBy(() -> vms.getByResourceGroup(azure.group.name(), azure.vm.id().name()))
        .isInstanceOfSatisfying(ManagementException.class,
            e -> assertThat(e.getValue().getCode()).isEqualTo("AuthorizationFailed"));

    RoleAssignmentInner created = assignments(owner).create(azure.groupScope(), UUID.randomUUID().toString(),
        new RoleAssignmentCreateParameters().withPrincipalId(grantee.servicePrincipalId())
            .withPrincipalType(PrincipalType.SERVICE_PRINCIPAL).withRoleDefinitionId("/subscriptions/"
                + azure.subscription.id() + "/providers/Microsoft.Authorization/roleDefinitions/"
                + BuiltInRoles.READER.id()));

    assertThat(created.scope()).isEqualTo(azure.groupScope());
    assertThat(vms.getByResourceGroup(azure.group.name(), azure.vm.id().name()).name())
        .isEqualTo(azure.vm.id().name());
    String filter = java.net.URLEncoder.encode("principalId eq '" + grantee.servicePrincipalId() + "'",
        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    assertThat(assignments(owner).listForScope(azure.vm.id().toString(), filter, null, null,
        com.azure.core.util.Context.NONE).stream())
        .extracting(RoleAssignmentInner::name).containsExactly(created.name());
  }

  @Test
  void contributorCannotAssignRoles() {
    Application contributor = azure.principal("contributor", "Contributor");
    assertThatThrownBy(() -> assignments(contributor).create(azure.groupScope(), UUID.randomUUID().toString(),
        new RoleAssignmentCreateParameters().withPrincipalId(contributor.servicePrincipalId())
            .withRoleDefinitionId(BuiltInRoles.OWNER.id())))
        .isInstanceOfSatisfying(ManagementException.class, e -> {
          assertThat(e.getValue().getCode()).isEqualTo("AuthorizationFailed");
          assertThat(e.getValue().getMessage()).contains("'Microsoft.Authorization/roleAssignments/write'");
        });
  }

  private static RoleAssignmentsClient assignments(Application app) {
    return AuthorizationManager.configure().withHttpClient(azure.httpClient())
        .authenticate(azure.credential(app, SimulatedAzure.SECRET), azure.profile()).roleServiceClient()
        .getRoleAssignments();
  }
}
