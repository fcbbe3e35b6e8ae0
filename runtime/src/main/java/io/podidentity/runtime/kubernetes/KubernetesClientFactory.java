package io.podidentity.runtime.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds the client-java {@link ApiClient} both programs use, as the original chose its configuration: the
 * {@code --kubeconfig} file when given, else {@code $KUBECONFIG}, else the in-cluster service account. Reads have no
 * timeout because informers hold watches open; the user agent names the program.
 */
public final class KubernetesClientFactory {
  private KubernetesClientFactory() {}

  public static ApiClient create(String userAgent, Optional<Path> kubeconfig, Map<String, String> environment) {
    Optional<Path> file = kubeconfig.or(() -> Optional.ofNullable(environment.get("KUBECONFIG"))
        .filter(s -> !s.isBlank()).map(Path::of));
    ApiClient client;
    try {
      client = file.isPresent() ? fromFile(file.get()) : ClientBuilder.cluster().build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build a Kubernetes client from "
          + file.map(p -> "kubeconfig " + p).orElse("the in-cluster service account"), e);
    }
    client.setHttpClient(client.getHttpClient().newBuilder()
        .readTimeout(0, TimeUnit.SECONDS)
        .connectTimeout(Duration.ofSeconds(10))
        .build());
    client.setUserAgent(userAgent);
    return client;
  }

  private static ApiClient fromFile(Path path) throws IOException {
    try (Reader reader = Files.newBufferedReader(path)) {
      KubeConfig config = KubeConfig.loadKubeConfig(reader);
      config.setFile(path.toFile());
      return ClientBuilder.kubeconfig(config).build();
    }
  }
}
