package io.podidentity.nmi.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.podidentity.nmi.it.NodeWorld.Bound;
import io.podidentity.nmi.testing.LogCapture;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every log line of a whole run at the finest level (NMI's, the API client's, MSAL's and the JDK's, from start to
 * stop) holds no access token NMI handed out, no client secret and no certificate password, while NMI served
 * tokens of types 0, 1 and 2 through its pod and host endpoints, refused requests and waited for identities.
 */
class NoSecretsInLogsIT {
  private static final String CLIENT_SECRET = "client-secret-that-must-stay-secret";
  private static final String CERT_PASSWORD = "pkcs12-password-that-must-stay-secret";

  @Test
  void noTokenSecretOrPasswordReachesAnyLogLine() {
    List<String> tokens = new ArrayList<>();
    List<String> lines;
    try (LogCapture capture = LogCapture.start(); NodeWorld world = new NodeWorld(74)) {
      NmiServer nmi = world.startNmi("nmi.log-verbosity", "10");
      world.api.namespace("logs");
      Bound uami = world.userAssigned("logs", "uami");
      Bound secret = world.secretPrincipal("logs", "secret-sp", CLIENT_SECRET);
      Bound cert = world.certificatePrincipal("logs", "cert-sp", CERT_PASSWORD);
      for (Bound bound : List.of(uami, secret, cert)) {
        PodCaller pod = new PodCaller(world.podFor("logs", "pod-" + bound.identity().getMetadata().getName(),
            bound), nmi.url());
        world.assign(bound, "logs", "pod-" + bound.identity().getMetadata().getName(), "Assigned");
        StandardModeIT.awaitServed(pod, "client_id=" + bound.clientId());
        tokens.add(pod.sdkToken(PodCaller.freshResource(), b -> b.clientId(bound.clientId())).getToken());
        tokens.add(accessToken(pod.token("resource=https%3A%2F%2Fvault.azure.net&client_id=" + bound.clientId())));
        HttpResponse<String> host = new PodCaller("127.0.0.1", nmi.url()).get("/host/token?resource="
            + "https%3A%2F%2Fstorage.azure.com&client_id=" + bound.clientId(), Map.of("podns", "logs",
            "podname", "pod-" + bound.identity().getMetadata().getName()));
        tokens.add(JsonParser.parseString(host.body()).getAsJsonObject().getAsJsonObject("token")
            .get("access_token").getAsString());
        assertThat(pod.token("resource=https%3A%2F%2Fvault.azure.net&client_id=not-mine").statusCode())
            .isEqualTo(404);
      }
      lines = capture.lines();
    }

    assertThat(lines).as("captured log lines").hasSizeGreaterThan(20);
    assertThat(tokens).hasSize(9).allSatisfy(t -> assertThat(t).hasSizeGreaterThan(100));
    for (String line : lines) {
      assertThat(line).doesNotContain(CLIENT_SECRET).doesNotContain(CERT_PASSWORD);
      tokens.forEach(token -> assertThat(line).doesNotContain(token).doesNotContain(signature(token)));
    }
  }

  private static String accessToken(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).isEqualTo(200);
    return JsonParser.parseString(answer.body()).getAsJsonObject().get("access_token").getAsString();
  }

  /** A JWT's signature: a log line holding only part of a token must not hold this part either. */
  private static String signature(String jwt) {
    return jwt.substring(jwt.lastIndexOf('.') + 1);
  }
}
