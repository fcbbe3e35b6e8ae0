package io.podidentity.nmi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.core.credential.AccessToken;
import io.podidentity.nmi.it.NodeWorld.Bound;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What NMI does besides choosing identities, against the simulated IMDS: the original's scenario 22 (pass-through,
 * the Metadata header, the instance-metadata block) and 26 (the Retry-After mode, with the SDK retrying until MIC
 * has assigned the identity). Two NMIs share the simulators: one with the defaults, one with
 * {@code --set-retry-after-header} and {@code --block-instance-metadata}.
 */
class ImdsBehaviourIT {
  private static NodeWorld world;
  private static NmiServer plain;
  private static NmiServer strict;
  private static PodCaller host;

  @BeforeAll
  static void start() {
    world = new NodeWorld(72);
    plain = world.startNmi();
    strict = world.startNmi("nmi.set-retry-after-header", "true", "nmi.block-instance-metadata", "true");
    host = new PodCaller("127.0.0.1", plain.url());
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @Test
  void passesOtherPathsToImdsAndReturnsItsAnswer() {
    HttpResponse<String> missing = host.get("/doesnotexist", Map.of("Metadata", "true"));
    HttpResponse<String> instance = host.get("/metadata/instance?api-version=2021-02-01", Map.of("Metadata", "true"));

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(instance.statusCode()).isEqualTo(200);
    assertThat(instance.body()).contains("\"compute\"", world.cloud.scaleSet().name());
    assertThat(world.cloud.sim.counters().get("imds_instance")).isPositive();
  }

  @Test
  void refusesRequestsWithoutTheMetadataHeaderBeforeImds() {
    long before = world.cloud.sim.counters().get("imds_instance");

    HttpResponse<String> answer = host.get("/metadata/instance?api-version=2021-02-01", Map.of());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":\"Required metadata "
        + "header not specified\"}\n");
    assertThat(world.cloud.sim.counters().get("imds_instance")).isEqualTo(before);
  }

  @Test
  void blocksInstanceMetadataWhenAsked() {
    HttpResponse<String> answer = new PodCaller("127.0.0.1", strict.url())
        .get("/metadata/instance?api-version=2021-02-01", Map.of("Metadata", "true"));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).isEqualTo("Request blocked by AAD Pod Identity NMI\n");
  }

  @Test
  void sdkRetriesOnRetryAfterUntilTheIdentityIsAssigned() {
    world.api.namespace("retry");
    Bound keyvault = world.userAssigned("retry", "keyvault-identity");
    PodCaller pod = new PodCaller(world.podFor("retry", "validator", keyvault), strict.url());
    String aai = world.assign(keyvault, "retry", "validator", "Created");
    await().atMost(NodeWorld.WAIT).until(() -> pod.token("resource=https%3A%2F%2Fvault.azure.net&client_id="
        + keyvault.clientId()).statusCode() == 503);
    HttpResponse<String> waiting = pod.token("resource=https%3A%2F%2Fvault.azure.net&client_id="
        + keyvault.clientId());
    assertThat(waiting.headers().firstValue("Retry-After")).hasValue("20");
    assertThat(waiting.body()).contains("retry/validator", "ASSIGNED state");
    long answered503 = unavailableAnswers(strict, "retry");

    CompletableFuture<AccessToken> sdk = CompletableFuture.supplyAsync(() ->
        pod.sdkToken(PodCaller.freshResource(), b -> b.clientId(keyvault.clientId()), 100));
    await().atMost(NodeWorld.WAIT).until(() -> unavailableAnswers(strict, "retry") > answered503);
    world.api.state("default", aai, "Assigned");

    assertThat(StandardModeIT.appId(sdk.join())).isEqualTo(keyvault.clientId());
  }

  /** How many 503 answers NMI counted for pods of {@code namespace} (its request histogram's counts). */
  private static long unavailableAnswers(NmiServer nmi, String namespace) {
    return nmi.metrics.scrape().lines()
        .filter(l -> l.startsWith("aadpodidentity_nmi_operations_duration_seconds_count{"))
        .filter(l -> l.contains("status_code=\"503\"") && l.contains("namespace=\"" + namespace + "\""))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
