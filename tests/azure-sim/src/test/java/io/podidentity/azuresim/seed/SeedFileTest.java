package io.podidentity.azuresim.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.BuiltInRoles;
import io.podidentity.azuresim.world.ImdsBinding;
import io.podidentity.azuresim.world.ResourceId;
import io.podidentity.azuresim.world.ScaleSet;
import io.podidentity.azuresim.world.World;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeedFileTest {
  private static final String SUB = "3b4f6c2e-0000-4000-8000-00000000b001";

  @Test
  void loadsTheBundledDemoWorldWithItsPinnedIds() throws IOException {
    World world = new World();
    SeedFile.apply(world, bundled());

    Application mic = world.directory().application("e5f6a7b8-0000-4000-8000-00000000e001").orElseThrow();
    assertThat(mic.secrets()).containsExactly("demo-mic-secret");
    ScaleSet nodes = world.scaleSet(ResourceId.scaleSet(SUB, "MC_demo_aks_westeurope",
        "aks-nodepool1-12345678-vmss")).orElseThrow();
    assertThat(nodes.instances()).hasSize(2);
    assertThat(world.identities().byClientId("a1b2c3d4-0000-4000-8000-00000000c001")).isPresent();
    assertThat(world.roles().assignments()).anySatisfy(a -> {
      assertThat(a.principalId()).isEqualTo(mic.servicePrincipalId());
      assertThat(a.roleDefinitionId()).isEqualTo(BuiltInRoles.MANAGED_IDENTITY_OPERATOR.id());
      assertThat(a.principalType()).isEqualTo("ServicePrincipal");
    });
  }

  @Test
  void attachesIdentitiesAndKeepsImdsBindingsAndFederatedCredentials() {
    World world = new World();
    SeedFile.apply(world, """
        {"tenants":[{"id":"t1"}],"subscriptions":[{"id":"s1","tenantId":"t1"}],
         "userAssignedIdentities":[{"subscriptionId":"s1","resourceGroup":"rg","name":"id1",
           "federatedCredentials":[{"name":"k8s","issuer":"http://127.0.0.1:6443",
             "subject":"system:serviceaccount:a:b"}]}],
         "scaleSets":[{"subscriptionId":"s1","resourceGroup":"rg","name":"ss","instances":2,"systemAssigned":true,
           "imds":[{"host":"127.0.0.1","port":0},{"host":"127.0.0.2","port":8080}],
           "userAssignedIdentities":[
             "/subscriptions/s1/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1"]}]}
        """);
    ScaleSet ss = world.scaleSet(ResourceId.scaleSet("s1", "rg", "ss")).orElseThrow();
    assertThat(ss.identity().type()).isEqualTo("SystemAssigned, UserAssigned");
    assertThat(ss.instances().get(1).imds()).isEqualTo(new ImdsBinding("127.0.0.2", 8080));
    assertThat(world.identities().all()).singleElement().satisfies(i -> assertThat(i.federatedCredentials())
        .singleElement().satisfies(f -> assertThat(f.audiences()).containsExactly("api://AzureADTokenExchange")));
  }

  @Test
  void namesTheMissingMember() {
    assertThatThrownBy(() -> SeedFile.apply(new World(), "{\"tenants\":[{\"id\":\"t\"}],\"subscriptions\":[{}]}"))
        .hasMessage("subscriptions[0].tenantId is required");
  }

  private static String bundled() throws IOException {
    try (InputStream in = SeedFileTest.class.getResourceAsStream("/azuresim/example-seed.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
