package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.StringReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a bearer token the simulator serves HTTPS (clients send kubeconfig credentials only over TLS): its
 * kubeconfig carries the token and the serving certificate, and requests without the token are Unauthorized.
 */
class BearerTokenIT {
  private KubeSimulator sim;

  @BeforeEach
  void start() {
    sim = KubeSimulator.builder().bearerToken("s3cret").start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void clientWithTheKubeconfigIsServedAndOneWithoutTheTokenIsUnauthorized() throws Exception {
    assertThat(sim.baseUrl()).startsWith("https://127.0.0.1:");
    ApiClient client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(new StringReader(sim.kubeconfig()))).build();
    assertThat(new CoreV1Api(client).listNamespace().execute().getItems()).extracting(n -> n.getMetadata().getName())
        .contains("default", "kube-system");

    ApiClient anonymous = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(new StringReader(
        sim.kubeconfig().replace("token: s3cret", "token: wrong")))).build();
    assertThatThrownBy(() -> new CoreV1Api(anonymous).listNamespace().execute())
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getCode()).isEqualTo(401);
          assertThat(e.getResponseBody()).contains("\"reason\":\"Unauthorized\"");
        });
  }
}
