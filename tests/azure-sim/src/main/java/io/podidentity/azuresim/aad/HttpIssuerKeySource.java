package io.podidentity.azuresim.aad;

import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.jwt.JsonWebKeySet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches {@code {issuer}/.well-known/openid-configuration}, then its {@code jwks_uri}, as Azure AD does for
 * federated credentials. Unlike Azure AD it refuses to contact anything but loopback addresses and explicitly allowed
 * hosts (the simulator must never reach the network), and it accepts plain-HTTP issuers there because the Kubernetes
 * simulator serves its discovery document over HTTP.
 */
public final class HttpIssuerKeySource implements IssuerKeySource {
  private static final Logger LOG = Logger.getLogger(HttpIssuerKeySource.class.getName());

  private final HttpClient client;
  private final Set<String> allowedHosts;

  public HttpIssuerKeySource(Set<String> allowedHosts) {
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.allowedHosts = Set.copyOf(allowedHosts);
  }

  @Override
  public Optional<JsonWebKeySet> keys(String issuer) {
    try {
      URI base = URI.create(issuer.endsWith("/") ? issuer : issuer + "/");
      if (!allowed(base)) {
        LOG.info(() -> "refused to contact issuer outside loopback issuer=" + issuer);
        return Optional.empty();
      }
      String discovery = get(base.resolve(".well-known/openid-configuration"));
      Optional<String> jwksUri = Json.parseObject(discovery).flatMap(d -> Json.string(d, "jwks_uri"));
      if (jwksUri.isEmpty() || !allowed(URI.create(jwksUri.get()))) {
        return Optional.empty();
      }
      return Optional.of(JsonWebKeySet.parse(get(URI.create(jwksUri.get()))));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.INFO, "failed to fetch issuer keys issuer=" + issuer, e);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private String get(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("status " + response.statusCode() + " from " + uri);
    }
    return response.body();
  }

  private boolean allowed(URI uri) {
    String host = uri.getHost();
    if (host == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      return false;
    }
    if (allowedHosts.contains(host)) {
      return true;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
