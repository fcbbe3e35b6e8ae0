package io.podidentity.nmi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.azure.core.credential.AccessToken;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.Tenant;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.common.crd.V1AzureIdentity;
import io.podidentity.nmi.it.NodeWorld.Bound;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Standard mode with both simulators and the real azure-identity client in a pod: the original's scenarios (§5.2)
 * 1 (client_id, resource id and no identity all work), 6 (the identity is chosen by what the caller names, and only
 * among the pod's own), 7 (a service principal's token from Azure AD, for a secret and for a certificate) and 20
 * (an excepted pod bypasses the identity check). One NMI and one simulator pair serve every test; each test has its
 * own namespace, pods and identities.
 */
class StandardModeIT {
  private static NodeWorld world;
  private static NmiServer nmi;

  @BeforeAll
  static void start() {
    world = new NodeWorld(71);
    nmi = world.startNmi();
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @Test
  void passesIdentityValidationByClientIdResourceIdAndWithoutIdentity() {
    world.api.namespace("single");
    Bound keyvault = world.userAssigned("single", "keyvault-identity");
    PodCaller pod = validator("single", keyvault);

    assertThat(appId(pod.sdkToken(PodCaller.freshResource(), b -> b.clientId(keyvault.clientId()))))
        .isEqualTo(keyvault.clientId());
    assertThat(appId(pod.sdkToken(PodCaller.freshResource(), b -> b.resourceId(keyvault.resourceId()))))
        .isEqualTo(keyvault.clientId());
    assertThat(appId(pod.sdkToken(PodCaller.freshResource(), UnaryOperator.identity())))
        .isEqualTo(keyvault.clientId());
    HttpResponse<String> original = pod.token("resource=https%3A%2F%2Fvault.azure.net&msi_res_id="
        + encode(keyvault.resourceId()));
    assertThat(original.statusCode()).isEqualTo(200);
    JsonObject body = JsonParser.parseString(original.body()).getAsJsonObject();
    assertThat(body.keySet()).containsExactly("access_token", "refresh_token", "expires_in", "expires_on",
        "not_before", "resource", "token_type");
    body.entrySet().forEach(e -> assertThat(e.getValue().getAsJsonPrimitive().isString()).isTrue());
  }

  @Test
  void choosesTheNamedIdentityAndRefusesOneThePodDoesNotHave() {
    world.api.namespace("two");
    Bound full = world.userAssigned("two", "keyvault-identity");
    Bound listOnly = world.userAssigned("two", "keyvault-identity-5");
    // A second binding selects the same pods as the first, as in the original's test.
    Bound sameSelector = new Bound(listOnly.identity(), world.api.binding("two", "list-only-binding",
        "keyvault-identity-5", "keyvault-identity-selector"), listOnly.clientId(), listOnly.resourceId());
    PodCaller pod = new PodCaller(world.podFor("two", "validator", full), nmi.url());
    world.assign(full, "two", "validator", "Assigned");
    world.assign(sameSelector, "two", "validator", "Assigned");
    UserAssignedIdentity elsewhere = world.cloud.attachedIdentity("on-the-node-but-not-the-pods");
    awaitServed(pod, "client_id=" + listOnly.clientId());

    assertThat(appId(pod.sdkToken(PodCaller.freshResource(), b -> b.clientId(full.clientId()))))
        .isEqualTo(full.clientId());
    assertThat(appId(pod.sdkToken(PodCaller.freshResource(), b -> b.resourceId(listOnly.resourceId()))))
        .isEqualTo(listOnly.clientId());
    long issued = world.cloud.sim.counters().get("imds_token");
    assertThatThrownBy(() -> pod.sdkToken(PodCaller.freshResource(), b -> b.clientId(elsewhere.clientId())))
        .hasStackTraceContaining("404");
    for (String query : new String[] {"client_id=" + elsewhere.clientId(),
        "mi_res_id=" + encode(elsewhere.id().toString()), "msi_res_id=" + encode(elsewhere.id().toString())}) {
      assertThat(pod.token("resource=https%3A%2F%2Fvault.azure.net&" + query).statusCode()).as(query)
          .isEqualTo(404);
    }
    assertThat(world.cloud.sim.counters().get("imds_token")).as("IMDS calls for refused requests")
        .isEqualTo(issued);
  }

  @Test
  void servicePrincipalWithSecretGetsItsTokenFromAzureAd() {
    world.api.namespace("sp");
    Bound sp = world.secretPrincipal("sp", "keyvault-sp", "client-secret-of-keyvault-sp");
    PodCaller pod = validator("sp", sp);
    long aad = world.cloud.sim.counters().get("aad_token");

    JsonObject claims = PodCaller.claims(pod.sdkToken(PodCaller.freshResource(), b -> b.clientId(sp.clientId()))
        .getToken());

    assertThat(claims.get("appid").getAsString()).isEqualTo(sp.clientId());
    assertThat(claims.get("tid").getAsString()).isEqualTo(world.cloud.tenant.id());
    assertThat(world.cloud.sim.counters().get("aad_token")).isGreaterThan(aad);
  }

  @Test
  void servicePrincipalWithAuxiliaryTenantsGetsOneTokenPerTenantAsAnArray() {
    world.api.namespace("aux");
    Tenant fabrikam = world.cloud.sim.world().addTenant("Fabrikam");
    Application app = world.cloud.appWithSecret("multi-tenant-sp", "client-secret-of-multi-tenant-sp");
    world.cloud.sim.world().addServicePrincipal(app.appId(), fabrikam.id());
    world.api.secret("aux", "multi-tenant-sp-secret", Map.of("clientSecret",
        "client-secret-of-multi-tenant-sp".getBytes(StandardCharsets.UTF_8)));
    V1AzureIdentity identity = world.api.identity("aux", "multi-tenant-sp", ApiServer.servicePrincipal(1,
        world.cloud.tenant.id(), app.appId(), "aux", "multi-tenant-sp-secret", world.cloud.sim.aadUrl().toString())
        .auxiliaryTenantIDs(List.of(fabrikam.id())));
    Bound sp = new Bound(identity, world.api.binding("aux", "multi-tenant-sp-binding", "multi-tenant-sp",
        "multi-tenant-sp-selector"), app.appId(), "");
    PodCaller pod = validator("aux", sp);

    HttpResponse<String> response = pod.token("resource=https%3A%2F%2Fmanagement.azure.com&client_id="
        + app.appId());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonArray tokens = JsonParser.parseString(response.body()).getAsJsonArray();
    assertThat(tokens).hasSize(2);
    assertThat(tokens.asList()).extracting(t -> PodCaller.claims(t.getAsJsonObject().get("access_token")
        .getAsString()).get("tid").getAsString()).containsExactly(world.cloud.tenant.id(), fabrikam.id());
    assertThat(tokens.asList()).allSatisfy(t -> assertThat(t.getAsJsonObject().get("expires_on")
        .getAsJsonPrimitive().isString()).isTrue());
  }

  @Test
  void servicePrincipalWithCertificateGetsItsTokenFromAzureAd() {
    world.api.namespace("cert");
    Bound sp = world.certificatePrincipal("cert", "cert-sp", "pkcs12-password");
    PodCaller pod = validator("cert", sp);

    assertThat(appId(pod.sdkToken(PodCaller.freshResource(), b -> b.clientId(sp.clientId()))))
        .isEqualTo(sp.clientId());
  }

  @Test
  void exceptedPodBypassesNmiAndOthersInItsNamespaceDoNot() {
    world.api.namespace("excepted");
    world.api.exception("excepted", "test-exception", Map.of("thispod", "shouldexcept"));
    UserAssignedIdentity outOfBand = world.cloud.attachedIdentity("set-on-the-node-out-of-band");
    String ip = world.podIp();
    world.api.runningPod("excepted", "busybox", NodeWorld.NODE, ip, Map.of(NodeWorld.label(), "",
        "thispod", "SHOULDEXCEPT"));
    PodCaller excepted = new PodCaller(ip, nmi.url());
    String other = world.podIp();
    world.api.runningPod("excepted", "other", NodeWorld.NODE, other, Map.of(NodeWorld.label(), ""));
    awaitServed(excepted, "client_id=" + outOfBand.clientId());

    assertThat(appId(excepted.sdkToken(PodCaller.freshResource(), b -> b.clientId(outOfBand.clientId()))))
        .isEqualTo(outOfBand.clientId());
    assertThat(new PodCaller(other, nmi.url()).token("resource=https%3A%2F%2Fvault.azure.net&client_id="
        + outOfBand.clientId()).statusCode()).isEqualTo(404);
  }

  @Test
  void hostEndpointServesNodeLocalCallersForANamedPod() {
    world.api.namespace("host");
    Bound keyvault = world.userAssigned("host", "keyvault-identity");
    PodCaller pod = validator("host", keyvault);
    PodCaller node = new PodCaller("127.0.0.1", nmi.url());

    HttpResponse<String> answer = node.get("/host/token/?resource=https%3A%2F%2Fvault.azure.net",
        Map.of("podns", "host", "podname", "validator"));
    HttpResponse<String> fromPod = pod.get("/host/token/?resource=https%3A%2F%2Fvault.azure.net",
        Map.of("podns", "host", "podname", "validator"));

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonObject body = JsonParser.parseString(answer.body()).getAsJsonObject();
    assertThat(body.get("clientid").getAsString()).isEqualTo(keyvault.clientId());
    assertThat(PodCaller.claims(body.getAsJsonObject("token").get("access_token").getAsString()).get("appid")
        .getAsString()).isEqualTo(keyvault.clientId());
    assertThat(fromPod.statusCode()).isEqualTo(500);
    assertThat(fromPod.body()).contains("request remote address is not from a host");
  }

  /** The pod {@code validator} with {@code bound}'s identity Assigned, once NMI serves it. */
  private static PodCaller validator(String namespace, Bound bound) {
    PodCaller pod = new PodCaller(world.podFor(namespace, "validator", bound), nmi.url());
    world.assign(bound, namespace, "validator", "Assigned");
    awaitServed(pod, "client_id=" + bound.clientId());
    return pod;
  }

  /** Waits until NMI's informers have the pod and its identity: the first answer for it is 200. */
  static void awaitServed(PodCaller pod, String query) {
    await().atMost(NodeWorld.WAIT).until(() -> pod.token("resource=https%3A%2F%2Fmanagement.azure.com&" + query)
        .statusCode() == 200);
  }

  static String appId(AccessToken token) {
    return PodCaller.claims(token.getToken()).get("appid").getAsString();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
