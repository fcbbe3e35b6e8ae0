package io.podidentity.azuresim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.identity.ManagedIdentityCredential;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.nimbusds.jwt.JWTClaimsSet;
import io.podidentity.azuresim.world.MachineRef;
import io.podidentity.azuresim.world.ScaleSet;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.azuresim.world.VirtualMachine;
import com.microsoft.aad.msal4j.MsalEnvironment;
import java.net.URI;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * azure-identity's ManagedIdentityCredential against a machine's IMDS, found through
 * {@code AZURE_POD_IDENTITY_AUTHORITY_HOST}: set in the credential's configuration (which azure-identity's IMDS probe
 * reads) and in MSAL's environment hook (which the token request reads), never in the process environment. MSAL
 * caches managed identity tokens per process, so every test asks for its own identity or resource.
 */
class ManagedIdentityIT {
  private static SimulatedAzure azure;
  private static ScaleSet nodes;
  private static int counter;

  @BeforeAll
  static void start() {
    azure = new SimulatedAzure();
    nodes = azure.sim.world().addScaleSet(azure.subscription.id(), azure.group.name(), "mi-nodes", 2);
  }

  @AfterAll
  static void stop() {
    MsalEnvironment.use(Map.of());
    azure.close();
  }

  @Test
  void tokenByClientIdForAnIdentityAttachedToTheScaleSet() {
    UserAssignedIdentity identity = attachNew(nodes.id());
    URI imds = azure.sim.imdsEndpoint(MachineRef.instance(nodes.id(), "1"));

    AccessToken token = credential(imds, b -> b.clientId(identity.clientId()))
        .getTokenSync(new TokenRequestContext().addScopes("https://storage.azure.com/.default"));

    JWTClaimsSet claims = SimulatorTokens.verify(azure.sim, token.getToken());
    assertThat(claims.getIssuer()).isEqualTo("https://sts.windows.net/" + azure.tenant.id() + "/");
    assertThat(claims.getAudience()).containsExactly("https://storage.azure.com");
    assertThat(claims.getClaim("oid")).isEqualTo(identity.principalId());
    assertThat(claims.getClaim("appid")).isEqualTo(identity.clientId());
    assertThat(claims.getClaim("xms_mirid")).isEqualTo(identity.id().toString());
    assertThat(azure.sim.counters().get("imds_token")).isPositive();
  }

  @Test
  void tokenByResourceIdSentAsMiResId() {
    VirtualMachine vm = newVm();
    UserAssignedIdentity identity = attachNew(vm.id());
    attachNew(vm.id());

    AccessToken token = credential(azure.sim.imdsEndpoint(MachineRef.vm(vm.id())),
        b -> b.resourceId(identity.id().toString()))
        .getTokenSync(new TokenRequestContext().addScopes("https://vault.azure.net/.default"));

    assertThat(SimulatorTokens.verify(azure.sim, token.getToken()).getClaim("appid"))
        .isEqualTo(identity.clientId());
  }

  @Test
  void withoutIdentityAndSeveralAttachedIsAmbiguous() {
    VirtualMachine vm = newVm();
    attachNew(vm.id());
    attachNew(vm.id());

    assertThatThrownBy(() -> credential(azure.sim.imdsEndpoint(MachineRef.vm(vm.id())), b -> b)
        .getTokenSync(new TokenRequestContext().addScopes("https://graph.microsoft.com/.default")))
        .rootCause().hasMessageContaining("Status: 400")
        .hasMessageContaining("Multiple user assigned identities exist, please specify the clientId / resourceId of "
            + "the identity in the token request");
  }

  @Test
  void identityNotAttachedToThisMachineIsNotFound() {
    UserAssignedIdentity elsewhere = attachNew(newVm().id());
    VirtualMachine vm = newVm();
    attachNew(vm.id());

    assertThatThrownBy(() -> credential(azure.sim.imdsEndpoint(MachineRef.vm(vm.id())),
        b -> b.clientId(elsewhere.clientId())).getTokenSync(new TokenRequestContext()
            .addScopes("https://management.azure.com/.default")))
        .rootCause().hasMessageContaining("Status: 400")
        .hasMessageContaining("{\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"}");
  }

  private static ManagedIdentityCredential credential(URI imds, UnaryOperator<ManagedIdentityCredentialBuilder> id) {
    MsalEnvironment.use(Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", imds.toString()));
    return id.apply(new ManagedIdentityCredentialBuilder().configuration(new ConfigurationBuilder()
        .putProperty("AZURE_POD_IDENTITY_AUTHORITY_HOST", imds.toString()).build())).build();
  }

  private static VirtualMachine newVm() {
    return azure.sim.world().addVirtualMachine(azure.subscription.id(), azure.group.name(), "mi-vm-" + ++counter);
  }

  private static UserAssignedIdentity attachNew(io.podidentity.azuresim.world.ResourceId machine) {
    UserAssignedIdentity identity = azure.sim.world().addUserAssignedIdentity(azure.subscription.id(),
        azure.group.name(), "mi-identity-" + ++counter);
    azure.sim.world().attachIdentity(machine, identity.id());
    return identity;
  }
}
