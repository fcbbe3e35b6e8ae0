package io.podidentity.azuresim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.msi.MsiManager;
import com.azure.resourcemanager.msi.fluent.UserAssignedIdentitiesClient;
import com.azure.resourcemanager.msi.fluent.models.IdentityInner;
import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.ResourceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** User-assigned identities through azure-resourcemanager-msi (which insists on real UUIDs). */
class UserAssignedIdentityIT {
  private static SimulatedAzure azure;
  private static UserAssignedIdentitiesClient identities;

  @BeforeAll
  static void start() {
    azure = new SimulatedAzure();
    Application admin = azure.principal("identity-admin", "Managed Identity Contributor");
    identities = MsiManager.configure().withHttpClient(azure.httpClient())
        .authenticate(azure.credential(admin, SimulatedAzure.SECRET), azure.profile()).serviceClient()
        .getUserAssignedIdentities();
  }

  @AfterAll
  static void stop() {
    azure.close();
  }

  @Test
  void createsReadsAndDeletesAnIdentityWithServiceFilledIds() {
    IdentityInner created = identities.createOrUpdate(azure.group.name(), "created-identity",
        new IdentityInner().withLocation("westeurope"));
    assertThat(created.clientId()).isNotNull();
    assertThat(created.principalId()).isNotNull();
    assertThat(created.tenantId().toString()).isEqualTo(azure.tenant.id());
    assertThat(created.id()).isEqualTo("/subscriptions/" + azure.subscription.id() + "/resourcegroups/"
        + azure.group.name() + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/created-identity");

    assertThat(identities.getByResourceGroup(azure.group.name(), "created-identity").clientId())
        .isEqualTo(created.clientId());
    identities.delete(azure.group.name(), "created-identity");

    assertThat(azure.sim.world().identities().get(ResourceId.userAssignedIdentity(azure.subscription.id(),
        azure.group.name(), "created-identity"))).isEmpty();
    assertThatThrownBy(() -> identities.getByResourceGroup(azure.group.name(), "created-identity"))
        .isInstanceOfSatisfying(ManagementException.class, e -> {
          assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
          assertThat(e.getValue().getCode()).isEqualTo("ResourceNotFound");
        });
  }
}
