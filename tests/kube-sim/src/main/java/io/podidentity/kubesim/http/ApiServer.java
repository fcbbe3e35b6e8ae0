package io.podidentity.kubesim.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.podidentity.kubesim.RequestCounters;
import io.podidentity.kubesim.registry.Registry;
import io.podidentity.kubesim.store.ObjectStore;
import io.podidentity.kubesim.token.ServiceAccountTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP side of the simulator: the JDK's HttpServer (HttpsServer with a serving certificate) on the given
 * address, one virtual thread per exchange (long watches just park), and the router.
 */
public final class ApiServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final String host;
  private final boolean tls;

  /** The server's settings; with a certificate it serves HTTPS. */
  public record Settings(String host, int port, String bearerToken, Duration bookmarkInterval,
      ServingCertificate certificate) {}

  public ApiServer(Settings settings, Registry registry, ObjectStore store, ServiceAccountTokens tokens,
      RequestCounters counters, Clock clock) {
    this.tls = settings.certificate() != null;
    try {
      InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
      if (tls) {
        HttpsServer https = HttpsServer.create(address, 1024);
        https.setHttpsConfigurator(new HttpsConfigurator(settings.certificate().sslContext()));
        this.server = https;
      } else {
        this.server = HttpServer.create(address, 1024);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), e);
    }
    this.host = settings.host();
    Renderer renderer = new Renderer(clock);
    ResourceHandler resources = new ResourceHandler(registry, renderer, new WatchStream(registry, store, renderer),
        tokens, counters, settings.bookmarkInterval());
    server.createContext("/", new Router(registry.context().resources(), resources, tokens, settings.bearerToken(),
        this::baseUrl));
    server.setExecutor(executor);
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String baseUrl() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return (tls ? "https://" : "http://") + h + ":" + port();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
