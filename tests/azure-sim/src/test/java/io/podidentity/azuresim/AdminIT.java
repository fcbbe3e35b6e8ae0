package io.podidentity.azuresim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.world.MachineRef;
import io.podidentity.azuresim.world.ResourceId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin endpoint as a program outside the JVM uses it. */
class AdminIT {
  private static SimulatedAzure azure;
  private static ComputeManagementClient compute;

  @BeforeAll
  static void start() {
    azure = new SimulatedAzure();
    compute = azure.computeWithoutRetries(azure.mic).serviceClient();
  }

  @AfterAll
  static void stop() {
    azure.close();
  }

  @Test
  void injectedErrorAnswersTheNextCallOnlyAndIsCounted() {
    admin("POST", "/admin/faults", "{\"operation\":\"vm_get\",\"times\":1,\"status\":503,"
        + "\"body\":\"{\\\"error\\\":{\\\"code\\\":\\\"ServiceUnavailable\\\",\\\"message\\\":\\\"down\\\"}}\"}");

    assertThatThrownBy(() -> compute.getVirtualMachines().getByResourceGroup(azure.group.name(),
        azure.vm.id().name())).isInstanceOfSatisfying(ManagementException.class, e -> {
          assertThat(e.getResponse().getStatusCode()).isEqualTo(503);
          assertThat(e.getValue().getCode()).isEqualTo("ServiceUnavailable");
        });
    assertThat(compute.getVirtualMachines().getByResourceGroup(azure.group.name(), azure.vm.id().name()).name())
        .isEqualTo(azure.vm.id().name());
    assertThat(Json.parseObject(admin("GET", "/admin/counters", null).body()).orElseThrow()
        .get("vm_get").getAsLong()).isEqualTo(2);
    assertThat(admin("GET", "/admin/faults", null).body()).isEqualTo("[]");
  }

  @Test
  void droppedConnectionAndDelayApplyToTheNamedOperation() {
    // The JDK client retries an idempotent request once on a closed connection, so drop twice.
    admin("POST", "/admin/faults", "{\"operation\":\"vmss_get\",\"times\":2,\"drop\":true}");
    HttpClient client = HttpClient.newBuilder().sslContext(azure.sim.clientSslContext()).build();
    URI uri = URI.create(azure.sim.armUrl() + "subscriptions/" + azure.subscription.id() + "/resourceGroups/"
        + azure.group.name() + "/providers/Microsoft.Compute/virtualMachineScaleSets/x?api-version=2025-04-01");
    assertThatThrownBy(() -> RawHttp.send(client, HttpRequest.newBuilder(uri).build()))
        .hasRootCauseInstanceOf(java.io.IOException.class);
    assertThat(azure.sim.counters().get("vmss_get")).isEqualTo(2);

    admin("POST", "/admin/faults", "{\"operation\":\"imds_token\",\"times\":1,\"delayMs\":300}");
    URI imds = azure.sim.imdsEndpoint(MachineRef.vm(azure.vm.id()));
    long start = System.nanoTime();
    RawHttp.get(URI.create(imds + "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=x"),
        "Metadata", "true");
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void seedsTheWorldAndReportsEndpointsSwitchesAndResetsCounters() {
    String seed = "{\"virtualMachines\":[{\"subscriptionId\":\"" + azure.subscription.id() + "\",\"resourceGroup\":\""
        + azure.group.name() + "\",\"name\":\"seeded-vm\"}]}";
    assertThat(admin("POST", "/admin/seed", seed).statusCode()).isEqualTo(200);
    ResourceId seeded = ResourceId.virtualMachine(azure.subscription.id(), azure.group.name(), "seeded-vm");
    assertThat(azure.sim.world().virtualMachine(seeded)).isPresent();
    assertThat(admin("GET", "/admin/endpoints", null).body()).contains(seeded.toString())
        .contains(azure.sim.imdsEndpoint(MachineRef.vm(seeded)).toString());
    assertThat(admin("GET", "/admin/world", null).body()).contains("seeded-vm");

    assertThat(admin("PUT", "/admin/throttling", "{\"enabled\":true}").body()).isEqualTo("{\"enabled\":true}");
    assertThat(azure.sim.throttling().enabled()).isTrue();
    admin("PUT", "/admin/throttling", "{\"enabled\":false}");
    assertThat(admin("PUT", "/admin/imds-limits", "{\"enabled\":false}").body()).isEqualTo("{\"enabled\":false}");
    admin("PUT", "/admin/imds-limits", "{\"enabled\":true}");
    assertThat(admin("PUT", "/admin/lro/vm_patch", "{\"mode\":\"afterPolls\",\"polls\":2}").statusCode())
        .isEqualTo(204);
    assertThat(azure.sim.operations().planFor("vm_patch").polls()).isEqualTo(2);
    assertThat(admin("POST", "/admin/clock/advance", "{\"seconds\":5}").statusCode()).isEqualTo(409);

    assertThat(admin("POST", "/admin/counters/reset", "").statusCode()).isEqualTo(204);
    assertThat(admin("GET", "/admin/counters", null).body()).isEqualTo("{}");
  }

  private static HttpResponse<String> admin(String method, String path, String body) {
    return RawHttp.send(method, URI.create(azure.sim.adminUrl() + path), body);
  }
}
