package io.podidentity.nmi.it;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.podidentity.nmi.NmiRuntime;
import io.podidentity.nmi.NmiWiring;
import io.podidentity.nmi.config.NmiSettings;
import io.podidentity.nmi.config.NmiSettingsReader;
import io.podidentity.nmi.http.ImdsService;
import io.podidentity.nmi.kubernetes.KubernetesCluster;
import io.podidentity.nmi.metrics.NmiMetrics;
import io.podidentity.nmi.net.CommandRunner;
import io.podidentity.nmi.wait.LinuxTcpTable;
import io.podidentity.runtime.config.RawValue;
import io.podidentity.runtime.kubernetes.KubernetesClientFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * One NMI in the test's JVM, built as {@code NmiProducers} builds it (the same {@link NmiWiring}, the real
 * {@link KubernetesCluster} over a client from the kubeconfig, the real token clients and the connection probe),
 * from the packaged {@code nmi.properties} plus the test's overrides; its token socket is a Helidon web server on
 * a free loopback port with the packaged HTTP/1.1 settings. Several can run at once (one per mode).
 */
final class NmiServer implements AutoCloseable {
  final NmiSettings settings;
  final NmiRuntime runtime;
  final NmiMetrics metrics = new NmiMetrics();
  private final WebServer server;

  NmiServer(Map<String, String> overrides, CommandRunner commands) {
    settings = settings(overrides);
    KubernetesCluster cluster = new KubernetesCluster(KubernetesClientFactory.create(NmiWiring.userAgent(settings),
        settings.kubernetes().kubeconfig(), Map.of()), settings);
    runtime = NmiWiring.connect(settings, cluster, commands, Clock.systemUTC(), new LinuxTcpTable(), metrics);
    runtime.start();
    Map<String, String> packaged = packaged();
    server = WebServer.builder().host(settings.listen().host()).port(0)
        .addProtocol(Http1Config.builder().validatePath(false)
            .maxPrologueLength(Integer.parseInt(packaged.get("server.protocols.http_1_1.max-prologue-length")))
            .maxHeadersSize(Integer.parseInt(packaged.get("server.protocols.http_1_1.max-headers-size"))).build())
        .routing(routing -> routing.register(new ImdsService(runtime)))
        .build().start();
  }

  /** The URL a pod's IMDS traffic reaches once the DNAT rule has rewritten it. */
  String url() {
    return "http://" + settings.listen().host() + ":" + server.port();
  }

  int port() {
    return server.port();
  }

  /** NMI's settings from the packaged defaults with {@code overrides} on top, validated as at start-up. */
  static NmiSettings settings(Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>(packaged());
    all.putAll(overrides);
    return NmiSettingsReader.read(key -> Optional.ofNullable(all.get(key)).map(v -> new RawValue(v,
        overrides.containsKey(key) ? "test" : "nmi.properties")));
  }

  private static Map<String, String> packaged() {
    Properties properties = new Properties();
    try (InputStream in = NmiServer.class.getClassLoader().getResourceAsStream("nmi.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> map = new HashMap<>();
    properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
    return map;
  }

  @Override
  public void close() {
    server.stop();
    runtime.close();
  }
}
