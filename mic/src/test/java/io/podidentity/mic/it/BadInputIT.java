package io.podidentity.mic.it;

import static io.podidentity.mic.it.MicIntegration.aai;
import static io.podidentity.mic.it.MicIntegration.binding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.podidentity.azuresim.control.FaultRule;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.common.crd.V1AzureIdentitySpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input becomes one Warning event on the object (and one log line) while the loop carries on for everyone
 * else; ARM and API failures never make an assigned identity lose its state.
 */
class BadInputIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private MicIntegration it;
  private UserAssignedIdentity good;

  @BeforeEach
  void start() {
    it = new MicIntegration();
    it.cluster.namespace("app");
    good = it.boundIdentity("app", "keyvault-identity");
  }

  @AfterEach
  void stop() {
    it.close();
  }

  private void badIdentity(String name, Integer type, String clientId, String resourceId) {
    it.cluster.create(new V1AzureIdentity().metadata(new V1ObjectMeta().namespace("app").name(name))
        .spec(new V1AzureIdentitySpec().type(type).clientID(clientId).resourceID(resourceId)));
    it.cluster.create(binding("app", name + "-binding", name, name + "-selector"));
    it.cluster.pod("app", name + "-pod", "vm-0", name + "-selector");
  }

  private List<JsonObject> warnings(String kind, String name) {
    return it.cluster.events("app").stream()
        .filter(e -> e.get("type").getAsString().equals("Warning"))
        .filter(e -> e.getAsJsonObject("involvedObject").get("kind").getAsString().equals(kind))
        .filter(e -> e.getAsJsonObject("involvedObject").get("name").getAsString().equals(name)).toList();
  }

  @Test
  void reportsEachBadObjectOnceAndAssignsTheGoodOnes() {
    UserAssignedIdentity real = it.cloud.identity("real");
    badIdentity("type-seven", 7, real.clientId(), real.id().toString());
    badIdentity("no-client", 0, null, real.id().toString());
    badIdentity("bad-resource", 0, real.clientId(), "/subscriptions/x/providers/nonsense");
    it.cluster.create(binding("app", "dangling", "missing", "dangling-selector"));
    it.cluster.pod("app", "dangling-pod", "vm-0", "dangling-selector");
    it.cluster.node("odd", "azure:///subscriptions/s/resourceGroups/rg/oddity");
    it.cluster.pod("app", "stranded", "odd", "keyvault-identity-selector");
    it.cluster.pod("app", "fine", "vmss-0", "keyvault-identity-selector");

    it.startMic("mic-a");

    it.awaitState("fine", "app", "keyvault-identity", "Assigned");
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(warnings("AzureIdentity", "type-seven")).singleElement().satisfies(e -> assertThat(
          e.get("message").getAsString()).contains("spec.type 7"));
      assertThat(warnings("AzureIdentity", "no-client")).singleElement().satisfies(e -> assertThat(
          e.get("message").getAsString()).contains("spec.clientID"));
      assertThat(warnings("AzureIdentity", "bad-resource")).singleElement().satisfies(e -> assertThat(
          e.get("message").getAsString()).contains("spec.resourceID"));
      assertThat(warnings("AzureIdentityBinding", "dangling")).singleElement().satisfies(e -> assertThat(
          e.get("reason").getAsString()).isEqualTo("azure identity not found"));
      assertThat(warnings("Pod", "stranded")).singleElement().satisfies(e -> assertThat(
          e.get("reason").getAsString()).isEqualTo("invalid node providerID"));
    });
    it.cluster.pod("app", "later", "vmss-1", "keyvault-identity-selector");
    it.awaitState("later", "app", "keyvault-identity", "Assigned");
    assertThat(warnings("AzureIdentity", "type-seven")).singleElement()
        .satisfies(e -> assertThat(e.get("count").getAsInt()).isEqualTo(1));
    assertThat(it.cluster.assignedIdentities()).extracting(a -> a.getAsJsonObject("metadata").get("name")
        .getAsString()).containsExactlyInAnyOrder(aai("fine", "app", "keyvault-identity"),
            aai("later", "app", "keyvault-identity"));
  }

  @Test
  void keepsEveryAssignedIdentityThroughArmAndApiFailures() {
    it.cloud.sim.faults().add(FaultRule.respond("vmss_patch", 500,
        "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"boom\"}}", 5));
    AtomicInteger statusFailures = new AtomicInteger(2);
    AtomicInteger deleteFailures = new AtomicInteger(1);
    it.startMic(List.of(failing("PATCH", statusFailures), failing("DELETE", deleteFailures)), "mic-a");

    it.cluster.pod("app", "p", "vmss-0", "keyvault-identity-selector");

    it.awaitState("p", "app", "keyvault-identity", "Assigned");
    assertThat(it.cloud.has(it.cloud.scaleSet(), good)).isTrue();
    assertThat(statusFailures.get()).isNegative();
    assertThat(it.cluster.events("default")).extracting(e -> e.get("reason").getAsString())
        .contains("status update error");

    it.cluster.deletePod("app", "p");
    await().atMost(WAIT).until(() -> it.cluster.assignedIdentities().isEmpty());
    assertThat(deleteFailures.get()).isNegative();
    assertThat(it.cloud.has(it.cloud.scaleSet(), good)).isFalse();
  }

  /** Answers the first {@code count} requests of {@code method} on assigned identities with a 500. */
  private static Interceptor failing(String method, AtomicInteger count) {
    return chain -> {
      Request request = chain.request();
      if (request.method().equals(method) && request.url().encodedPath().contains("/azureassignedidentities/")
          && count.getAndDecrement() > 0) {
        return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(500).message("Internal")
            .body(ResponseBody.create("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"message\":\"etcdserver: request timed out\",\"reason\":\"InternalError\",\"code\":500}",
                MediaType.get("application/json"))).build();
      }
      return chain.proceed(request);
    };
  }
}
