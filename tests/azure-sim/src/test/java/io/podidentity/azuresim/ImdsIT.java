package io.podidentity.azuresim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.control.FaultRule;
import io.podidentity.azuresim.control.Latency;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.time.ManualClock;
import io.podidentity.azuresim.world.MachineRef;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.azuresim.world.VirtualMachine;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A machine's IMDS over plain HTTP: the documented request rules, bodies and per-VM limits. */
class ImdsIT {
  private static final ManualClock CLOCK = ManualClock.startingNow();
  private static SimulatedAzure azure;
  private static int counter;

  @BeforeAll
  static void start() {
    azure = new SimulatedAzure(AzureSimOptions.builder().clock(CLOCK).build());
  }

  @AfterAll
  static void stop() {
    azure.close();
  }

  @BeforeEach
  void reset() {
    azure.sim.imdsLimits(true);
    azure.sim.faults().clear();
    CLOCK.advance(Duration.ofMinutes(1));
  }

  @Test
  void answersTheDocumentedTokenShapeWithEveryValueAString() {
    VirtualMachine vm = vmWith(1);
    HttpResponse<String> response = token(vm, "&resource=https://storage.azure.com/", true);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = Json.parseObject(response.body()).orElseThrow();
    assertThat(body.keySet()).containsExactly("access_token", "client_id", "expires_in", "expires_on",
        "ext_expires_in", "not_before", "resource", "token_type");
    body.entrySet().forEach(e -> assertThat(e.getValue().getAsJsonPrimitive().isString()).isTrue());
    assertThat(body.get("resource").getAsString()).isEqualTo("https://storage.azure.com/");
    assertThat(body.get("expires_in").getAsString()).isEqualTo("86399");
  }

  @Test
  void systemAssignedIdentityIsChosenWhenNoneIsNamed() {
    VirtualMachine vm = azure.sim.world().addVirtualMachine(azure.subscription.id(), azure.group.name(),
        "imds-system-" + ++counter, io.podidentity.azuresim.world.MachineOptions.DEFAULTS.withSystemAssigned(true));
    azure.sim.world().attachIdentity(vm.id(), azure.identity1.id());
    JsonObject body = Json.parseObject(token(vm, "&resource=https://management.azure.com/", true).body())
        .orElseThrow();
    var claims = SimulatorTokens.verify(azure.sim, body.get("access_token").getAsString());
    assertThat(claims.getClaim("oid")).isEqualTo(vm.identity().system().principalId());
    assertThat(claims.getClaim("xms_mirid")).isEqualTo(vm.id().toString());
    assertThat(body.get("client_id").getAsString()).isEqualTo(vm.identity().system().clientId());
  }

  @Test
  void refusesRequestsWithoutMetadataHeaderApiVersionOrResource() {
    VirtualMachine vm = vmWith(1);
    assertThat(token(vm, "&resource=https://vault.azure.net", false).body()).isEqualTo(
        "{\"error\":\"invalid_request\",\"error_description\":\"Required metadata header not specified\"}");
    HttpResponse<String> noVersion = RawHttp.get(URI.create(imds(vm) + "/metadata/identity/oauth2/token?resource=x"),
        "Metadata", "true");
    assertThat(noVersion.statusCode()).isEqualTo(400);
    assertThat(noVersion.body()).contains("Required query variable 'api-version' is missing");
    assertThat(token(vm, "", true).body()).contains("Required query variable 'resource' is missing");
    HttpResponse<String> unknownResource = token(vm, "&resource=https://nothing.example", true);
    assertThat(unknownResource.statusCode()).isEqualTo(400);
    assertThat(unknownResource.body()).contains("\"error\":\"invalid_resource\"").contains("AADSTS500011");
  }

  @Test
  void enforcesTwentyTokenRequestsPerSecondUnlessLimitsAreOff() {
    VirtualMachine vm = vmWith(1);
    for (int i = 0; i < 20; i++) {
      assertThat(token(vm, "&resource=https://vault.azure.net", true).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> throttled = token(vm, "&resource=https://vault.azure.net", true);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(azure.sim.counters().get("imds_429")).isPositive();

    azure.sim.imdsLimits(false);
    assertThat(token(vm, "&resource=https://vault.azure.net", true).statusCode()).isEqualTo(200);
    azure.sim.imdsLimits(true);
    CLOCK.advance(Duration.ofSeconds(1));
    assertThat(token(vm, "&resource=https://vault.azure.net", true).statusCode()).isEqualTo(200);
  }

  @Test
  void allowsFiveConcurrentTokenRequests() throws Exception {
    VirtualMachine vm = vmWith(1);
    azure.sim.faults().add(FaultRule.delay("imds_token", new Latency.Fixed(Duration.ofMillis(700)), 6));
    List<Future<Integer>> calls = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 6; i++) {
        calls.add(pool.submit(() -> token(vm, "&resource=https://vault.azure.net", true).statusCode()));
      }
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> call : calls) {
      statuses.add(call.get());
    }
    assertThat(statuses).containsOnly(200, 429).filteredOn(s -> s == 429).hasSize(1);
  }

  @Test
  void servesInstanceMetadataWithRouteFilteringAnd404ForUnknownPaths() {
    VirtualMachine vm = vmWith(0);
    HttpResponse<String> doc = RawHttp.get(URI.create(imds(vm) + "/metadata/instance?api-version=2021-02-01"),
        "Metadata", "true");
    JsonObject compute = Json.parseObject(doc.body()).orElseThrow().getAsJsonObject("compute");
    assertThat(compute.get("resourceId").getAsString()).isEqualTo(vm.id().toString());
    assertThat(compute.get("vmId").getAsString()).isEqualTo(vm.vmId());
    assertThat(RawHttp.get(URI.create(imds(vm) + "/metadata/instance/network/interface/0/ipv4/ipAddress/0/"
        + "privateIpAddress?api-version=2021-02-01&format=text"), "Metadata", "true").body())
        .isEqualTo(vm.privateIp());
    HttpResponse<String> noVersion = RawHttp.get(URI.create(imds(vm) + "/metadata/instance"), "Metadata", "true");
    assertThat(noVersion.body()).contains("api-version is invalid or was not specified").contains("newest-versions");
    assertThat(RawHttp.get(URI.create(imds(vm) + "/metadata/nothing"), "Metadata", "true").statusCode())
        .isEqualTo(404);
  }

  private static VirtualMachine vmWith(int identities) {
    VirtualMachine vm = azure.sim.world().addVirtualMachine(azure.subscription.id(), azure.group.name(),
        "imds-vm-" + ++counter);
    for (int i = 0; i < identities; i++) {
      UserAssignedIdentity identity = azure.sim.world().addUserAssignedIdentity(azure.subscription.id(),
          azure.group.name(), "imds-identity-" + ++counter);
      azure.sim.world().attachIdentity(vm.id(), identity.id());
    }
    return vm;
  }

  private static URI imds(VirtualMachine vm) {
    return azure.sim.imdsEndpoint(MachineRef.vm(vm.id()));
  }

  private static HttpResponse<String> token(VirtualMachine vm, String query, boolean metadata) {
    URI uri = URI.create(imds(vm) + "/metadata/identity/oauth2/token?api-version=2018-02-01" + query);
    return metadata ? RawHttp.get(uri, "Metadata", "true") : RawHttp.get(uri);
  }
}
