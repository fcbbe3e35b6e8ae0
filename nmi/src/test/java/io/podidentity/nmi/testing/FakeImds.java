package io.podidentity.nmi.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for one VM's IMDS on loopback: token requests for attached client IDs get a token named after the
 * client ID and resource, everything else IMDS's errors; every request is recorded (raw path, query, method,
 * headers, body). Tests can hold token answers back to make requests pile up, and count concurrency.
 */
public final class FakeImds implements AutoCloseable {
  public static final String TOKEN_PATH = "/metadata/identity/oauth2/token";

  /** One request as IMDS received it. */
  public record Seen(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {}

  private final HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Map<String, Boolean> attached = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile long lifetimeSeconds = 86_400;

  public FakeImds() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public void reset() {
    seen.clear();
    attached.clear();
    maxInFlight.set(0);
    gate.countDown();
    gate = new CountDownLatch(0);
    lifetimeSeconds = 86_400;
  }

  public void attach(String clientId) {
    attached.put(clientId.toLowerCase(java.util.Locale.ROOT), true);
  }

  /** Token answers wait until {@link #release()}. */
  public void hold() {
    gate = new CountDownLatch(1);
  }

  public void release() {
    gate.countDown();
  }

  public void lifetime(long seconds) {
    lifetimeSeconds = seconds;
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  public long tokenCalls() {
    return seen.stream().filter(s -> s.rawPath().equals(TOKEN_PATH)).count();
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }

  /** The access token this fake issues for a client ID and resource. */
  public static String tokenFor(String clientId, String resource) {
    return "fake-token-" + clientId.toLowerCase(java.util.Locale.ROOT) + "-" + Integer.toHexString(resource.hashCode());
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    var uri = exchange.getRequestURI();
    seen.add(new Seen(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
        Map.copyOf(exchange.getRequestHeaders()), body));
    if (!uri.getRawPath().equals(TOKEN_PATH)) {
      exchange.getResponseHeaders().add("X-Fake-Imds", "passed-through");
      respond(exchange, uri.getRawPath().startsWith("/metadata/instance") ? 200 : 404,
          uri.getRawPath().startsWith("/metadata/instance") ? "{\"compute\":{}}" : "Not Found");
      return;
    }
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      gate.await(30, TimeUnit.SECONDS);
      token(exchange, uri.getRawQuery() == null ? "" : uri.getRawQuery());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void token(HttpExchange exchange, String query) throws IOException {
    Map<String, String> params = new java.util.HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String clientId = params.getOrDefault("client_id", "system");
    String resource = params.getOrDefault("resource", "");
    if (!clientId.equals("system") && !attached.containsKey(clientId.toLowerCase(java.util.Locale.ROOT))) {
      respond(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"}");
      return;
    }
    long now = Instant.now().getEpochSecond();
    respond(exchange, 200, "{\"access_token\":\"" + tokenFor(clientId, resource) + "\",\"client_id\":\"" + clientId
        + "\",\"expires_in\":\"" + lifetimeSeconds + "\",\"expires_on\":\"" + (now + lifetimeSeconds)
        + "\",\"ext_expires_in\":\"" + lifetimeSeconds + "\",\"not_before\":\"" + now + "\",\"resource\":\""
        + resource + "\",\"token_type\":\"Bearer\"}");
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    gate.countDown();
    server.stop(0);
  }
}
