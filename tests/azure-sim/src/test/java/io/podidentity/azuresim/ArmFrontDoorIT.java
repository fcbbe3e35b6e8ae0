package io.podidentity.azuresim;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenRequestContext;
import com.google.gson.JsonObject;
import io.podidentity.azuresim.jwt.TokenSigner;
import io.podidentity.azuresim.time.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ARM's authentication and api-version checks, seen on the wire. */
class ArmFrontDoorIT {
  private static final ManualClock CLOCK = ManualClock.startingNow();
  private static SimulatedAzure azure;
  private static HttpClient https;

  @BeforeAll
  static void start() {
    azure = new SimulatedAzure(AzureSimOptions.builder().clock(CLOCK).build());
    https = HttpClient.newBuilder().sslContext(azure.sim.clientSslContext()).build();
  }

  @AfterAll
  static void stop() {
    azure.close();
  }

  @Test
  void missingTokenIs401WithChallenge() {
    HttpResponse<String> response = get(vmPath() + "?api-version=2025-04-01", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":{\"code\":\"AuthenticationFailed\",\"message\":"
        + "\"Authentication failed. The 'Authorization' header is missing.\"}}");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer authorization_uri=\"" + azure.sim.aadUrl() + "\", error=\"invalid_token\"");
  }

  @Test
  void tokenForAnotherAudienceForgedOrExpiredIsRefused() {
    String storage = token("https://storage.azure.com/.default");
    assertThat(get(vmPath() + "?api-version=2025-04-01", storage).body())
        .contains("InvalidAuthenticationTokenAudience").contains("'https://storage.azure.com'");

    JsonObject claims = new JsonObject();
    claims.addProperty("aud", "https://management.core.windows.net/");
    String forged = new TokenSigner(azure.sim.trust().authority().issueClientCertificate("forger")).sign(claims);
    assertThat(get(vmPath() + "?api-version=2025-04-01", forged).body())
        .isEqualTo("{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":"
            + "\"The access token is invalid.\"}}");

    String arm = token("https://management.core.windows.net//.default");
    assertThat(get(vmPath() + "?api-version=2025-04-01", arm).statusCode()).isEqualTo(200);
    CLOCK.advance(Duration.ofHours(2));
    HttpResponse<String> expired = get(vmPath() + "?api-version=2025-04-01", arm);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("ExpiredAuthenticationToken").contains("is earlier than current UTC time");
  }

  @Test
  void apiVersionIsRequiredAndMustBeRegistered() {
    String arm = token("https://management.azure.com/.default");
    assertThat(get(vmPath(), arm).body()).isEqualTo("{\"error\":{\"code\":\"MissingApiVersionParameter\",\"message\":"
        + "\"The api-version query parameter (?api-version=) is required for all requests.\"}}");
    HttpResponse<String> unknown = get(vmPath() + "?api-version=2030-01-01", arm);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("NoRegisteredProviderFound").contains("No registered resource provider found "
        + "for location 'westeurope' and API version '2030-01-01' for type 'virtualMachines'.");
    assertThat(get(vmPath() + "?api-version=latest", arm).body()).contains("InvalidApiVersionParameter");
    assertThat(get(vmPath() + "?api-version=2019-12-01", arm).statusCode()).isEqualTo(200);
  }

  private static String token(String scope) {
    return azure.credential(azure.mic, SimulatedAzure.SECRET).getTokenSync(new TokenRequestContext()
        .addScopes(scope)).getToken();
  }

  private static String vmPath() {
    return "subscriptions/" + azure.subscription.id() + "/resourceGroups/" + azure.group.name()
        + "/providers/Microsoft.Compute/virtualMachines/" + azure.vm.id().name();
  }

  private static HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(azure.sim.armUrl() + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return RawHttp.send(https, request.build());
  }
}
