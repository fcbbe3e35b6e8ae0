package io.podidentity.azuresim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * One listening socket (plain HTTP or HTTPS) that serves a {@link Router} through an {@link Interceptor}. Every
 * exchange runs on its own virtual thread, so an injected delay on one request never holds up another.
 */
public final class HttpEndpoint implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HttpEndpoint.class.getName());

  private final HttpServer server;
  private final ExecutorService executor;
  private final String scheme;

  private HttpEndpoint(HttpServer server, ExecutorService executor, String scheme) {
    this.server = server;
    this.executor = executor;
    this.scheme = scheme;
  }

  /**
   * Binds and starts a listener. {@code ssl} null means plain HTTP. Port 0 picks a free port.
   *
   * @param fallback answers requests no route matches (each service has its own 404 body)
   */
  public static HttpEndpoint start(String host, int port, SSLContext ssl, Router router, Interceptor interceptor,
      Handler fallback) {
    try {
      InetSocketAddress address = new InetSocketAddress(host, port);
      HttpServer server;
      if (ssl == null) {
        server = HttpServer.create(address, 128);
      } else {
        HttpsServer https = HttpsServer.create(address, 128);
        https.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server = https;
      }
      ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
      server.setExecutor(executor);
      server.createContext("/", exchange -> serve(exchange, router, interceptor, fallback));
      server.start();
      return new HttpEndpoint(server, executor, ssl == null ? "http" : "https");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind " + host + ":" + port, e);
    }
  }

  /** The base URL clients use, e.g. {@code https://127.0.0.1:41234}. */
  public URI baseUri() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create(scheme + "://" + host + ":" + address.getPort());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void serve(HttpExchange exchange, Router router, Interceptor interceptor, Handler fallback)
      throws IOException {
    try (exchange) {
      SimRequest request = toRequest(exchange);
      SimResponse response = router.find(request.method(), request.path())
          .map(m -> interceptor.intercept(m.operation(), request, m.handler()))
          .orElseGet(() -> fallback.handle(request));
      write(exchange, request, response);
    } catch (DroppedConnection e) {
      // Propagating makes the JDK server close the socket without a response.
      throw new IOException(e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "failed to serve request path=" + exchange.getRequestURI().getPath(), e);
      throw e;
    }
  }

  private static SimRequest toRequest(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    return new SimRequest(exchange.getRequestMethod(), path(uri), QueryString.parse(uri.getRawQuery()),
        exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress());
  }

  /**
   * The request path with repeated slashes collapsed. The Azure SDK joins an endpoint ending in "/" with scopes
   * starting with "/", and the JDK server parses a request target starting with "//" as an authority, so the
   * authority is put back before collapsing; ARM itself accepts such paths.
   */
  static String path(URI uri) {
    String path = uri.getRawAuthority() == null ? uri.getPath() : "/" + uri.getAuthority() + uri.getPath();
    return path.replaceAll("/{2,}", "/");
  }

  private static void write(HttpExchange exchange, SimRequest request, SimResponse response) throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] body = response.body();
    boolean noBody = body.length == 0 || "HEAD".equals(request.method()) || response.status() == 204;
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
