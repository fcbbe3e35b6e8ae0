package io.podidentity.mic.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import io.podidentity.common.model.UserAssignedIdentityId;
import io.podidentity.common.plan.ComputeTarget;
import io.podidentity.common.plan.HolderIdentity;
import io.podidentity.common.plan.IdentityPatch;
import io.podidentity.common.port.ArmFailure;
import io.podidentity.common.port.ArmOutcome;
import io.podidentity.common.port.IdentityRead;
import io.podidentity.common.testing.UserAssignedIdentityIds;
import io.podidentity.mic.azure.AzureConfig;
import io.podidentity.mic.azure.CloudConnection;
import io.podidentity.mic.azure.CloudEnvironment;
import io.podidentity.mic.metrics.MicMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** What the ARM adapter sends (the delta PATCH only) and how it reads ARM's answers, on a scripted HTTP client. */
class ArmIdentityAssignerTest {
  private static final ComputeTarget VMSS = new ComputeTarget(ComputeTarget.Kind.SCALE_SET, "sub", "rg", "ss");
  private static final ComputeTarget VM = new ComputeTarget(ComputeTarget.Kind.VIRTUAL_MACHINE, "sub", "rg", "vm1");
  private static final UserAssignedIdentityId A = UserAssignedIdentityIds.named("a");
  private static final UserAssignedIdentityId B = UserAssignedIdentityIds.named("b");

  private final ScriptedArm http = new ScriptedArm();
  private final ThrottleGates gates = new ThrottleGates();
  private final MicMetrics metrics = new MicMetrics();
  private final ArmIdentityAssigner assigner = assigner(true);

  private ArmIdentityAssigner assigner(boolean honourBudgets) {
    CloudConnection connection = new CloudConnection(new AzureConfig("", "t", "c", "s", "sub", "rg", "", false, ""),
        new CloudEnvironment("AzureStackCloud", "https://arm.test/", "https://aad.test/",
            "https://management.azure.com/"),
        request -> Mono.just(new AccessToken("token", OffsetDateTime.now().plusHours(1))), http);
    ComputeClients clients = ComputeClients.factory(gates, Clock.systemUTC(), honourBudgets, "mic-test",
        Duration.ofMillis(10)).apply(connection);
    return new ArmIdentityAssigner(() -> clients, gates, metrics, Clock.systemUTC());
  }

  private static String vmss(String type, String... ids) {
    StringBuilder map = new StringBuilder();
    for (String id : ids) {
      map.append(map.isEmpty() ? "" : ",").append('"').append(id).append("\":{\"principalId\":\"p\",\"clientId\":\"c\"}");
    }
    return "{\"id\":\"/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/ss\","
        + "\"name\":\"ss\",\"location\":\"westeurope\",\"properties\":{\"provisioningState\":\"Succeeded\"},"
        + "\"identity\":{\"type\":\"" + type + "\",\"userAssignedIdentities\":{" + map + "}}}";
  }

  @Test
  void readsTheIdentityBlockWithOneGet() {
    http.answer(200, vmss("SystemAssigned, UserAssigned", A.toString()));

    IdentityRead read = assigner.read(VMSS);

    assertThat(read).isEqualTo(new IdentityRead.Found(new HolderIdentity("SystemAssigned, UserAssigned",
        Set.of(A.toString()))));
    assertThat(http.sent).singleElement().satisfies(s -> {
      assertThat(s.method()).isEqualTo("GET");
      assertThat(s.url()).startsWith("https://arm.test/subscriptions/sub/resourceGroups/rg/providers/"
          + "Microsoft.Compute/virtualMachineScaleSets/ss?api-version=");
    });
  }

  @Test
  void patchesOnlyTheChangedIdsWithNullForRemovals() {
    http.answer(200, vmss("UserAssigned", A.toString()));
    Map<String, Boolean> delta = new LinkedHashMap<>();
    delta.put(B.toString(), false);
    delta.put(A.toString(), true);

    ArmOutcome outcome = assigner.apply(VMSS, new IdentityPatch("UserAssigned", delta));

    assertThat(outcome).isEqualTo(new ArmOutcome.Applied(new HolderIdentity("UserAssigned", Set.of(A.toString()))));
    assertThat(http.sent.getFirst().method()).isEqualTo("PATCH");
    assertThat(http.sent.getFirst().body()).isEqualTo("{\"identity\":{\"type\":\"UserAssigned\","
        + "\"userAssignedIdentities\":{\"" + B + "\":null,\"" + A + "\":{}}}}");
  }

  @Test
  void detachingEverythingLeavesTheMapOut() {
    http.answer(200, "{\"name\":\"vm1\",\"location\":\"l\",\"identity\":{\"type\":\"SystemAssigned\"}}");

    assigner.apply(VM, new IdentityPatch("SystemAssigned", Map.of()));

    assertThat(http.sent.getFirst().body()).isEqualTo("{\"identity\":{\"type\":\"SystemAssigned\"}}");
  }

  @Test
  void aThrottledCallClosesTheGateSoTheNextOneStaysHome() {
    http.answer(429, "{\"error\":{\"code\":\"OperationNotAllowed\",\"message\":\"too many\"}}", "Retry-After", "30");

    IdentityRead first = assigner.read(VMSS);
    IdentityRead second = assigner.read(VMSS);

    assertThat(first).isInstanceOfSatisfying(ArmFailure.Throttled.class,
        t -> assertThat(t.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
    assertThat(second).isInstanceOfSatisfying(ArmFailure.Throttled.class,
        t -> assertThat(t.retryAfter()).isLessThanOrEqualTo(Duration.ofSeconds(30)));
    assertThat(http.sent).hasSize(1);
    http.answer(200, "{\"name\":\"vm1\",\"location\":\"l\"}");
    assertThat(assigner.read(VM)).as("other targets are not held back").isInstanceOf(IdentityRead.Found.class);
    assertThat(metrics.scrape()).contains("aadpodidentity_cloud_provider_operations_errors_count{operation_type=\"vmss_get\"}");
  }

  @Test
  void namesTheIdentitiesArmRefuses() {
    http.answer(400, "{\"error\":{\"code\":\"FailedIdentityOperation\",\"message\":\"Identity (s) '" + A + "," + B
        + "' returned Bad Request, please check the identities.\"}}");

    ArmOutcome outcome = assigner.apply(VMSS, new IdentityPatch("UserAssigned", Map.of(A.toString(), true)));

    assertThat(outcome).isInstanceOfSatisfying(ArmFailure.Rejected.class, r -> {
      assertThat(r.code()).isEqualTo("FailedIdentityOperation");
      assertThat(r.offendingIds()).containsExactlyInAnyOrder(A, B);
    });
  }

  @Test
  void aSpentUpdateBudgetHoldsBackTheNextUpdateOfThatScaleSet() {
    http.answer(200, vmss("UserAssigned", A.toString()), "x-ms-ratelimit-remaining-resource",
        "Microsoft.Compute/VMScaleSetUpdateResource;0,Microsoft.Compute/VMScaleSetUpdateSubscriptionMaximum;1499");
    assigner.apply(VMSS, new IdentityPatch("UserAssigned", Map.of(A.toString(), true)));

    ArmOutcome next = assigner.apply(VMSS, new IdentityPatch("UserAssigned", Map.of(B.toString(), true)));

    assertThat(next).isInstanceOf(ArmFailure.Throttled.class);
    assertThat(http.sent).hasSize(1);
  }

  @Test
  void budgetsAreIgnoredWhenSwitchedOff() {
    ArmIdentityAssigner original = assigner(false);
    http.answer(200, vmss("UserAssigned", A.toString()), "x-ms-ratelimit-remaining-resource",
        "Microsoft.Compute/VMScaleSetUpdateResource;0").answer(200, vmss("UserAssigned", A.toString(), B.toString()));
    original.apply(VMSS, new IdentityPatch("UserAssigned", Map.of(A.toString(), true)));

    assertThat(original.apply(VMSS, new IdentityPatch("UserAssigned", Map.of(B.toString(), true))))
        .isInstanceOf(ArmOutcome.Applied.class);
  }

  @Test
  void serverErrorsAndTransportFailuresAreUnreachable() {
    com.azure.core.http.HttpRequest request = new com.azure.core.http.HttpRequest(com.azure.core.http.HttpMethod.GET,
        "https://arm.test/x");
    var unavailable = new com.azure.core.exception.HttpResponseException("503", new ScriptedArm()
        .answer(503, "{}").send(request).block(), null);

    assertThat(ArmFailures.classify(unavailable, java.time.Instant.now())).isInstanceOf(ArmFailure.Unreachable.class);
    assertThat(ArmFailures.classify(new java.io.UncheckedIOException(new java.net.ConnectException("refused")),
        java.time.Instant.now())).isInstanceOf(ArmFailure.Unreachable.class);
  }
}
