package io.podidentity.azuresim;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A minimal OIDC issuer on loopback over plain HTTP, standing in for a Kubernetes API server's service-account
 * issuer: it publishes a discovery document and JWKS and signs service-account style tokens.
 */
final class TestIssuer implements AutoCloseable {
  private final HttpServer server;
  private final RSAKey key;

  TestIssuer() {
    try {
      key = new RSAKeyGenerator(2048).keyID("sa-key").generate();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (JOSEException | IOException e) {
      throw new IllegalStateException(e);
    }
    String jwks = new JWKSet(key.toPublicJWK()).toString();
    server.createContext("/.well-known/openid-configuration", ex -> reply(ex, "{\"issuer\":\"" + issuer()
        + "\",\"jwks_uri\":\"" + issuer() + "/openid/v1/jwks\",\"response_types_supported\":[\"id_token\"],"
        + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
    server.createContext("/openid/v1/jwks", ex -> reply(ex, jwks));
    server.start();
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A token as the kubelet projects it: issuer, subject, audience, valid from {@code from} for an hour. */
  String token(String subject, String audience, Instant from) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
          new JWTClaimsSet.Builder().issuer(issuer()).subject(subject).audience(List.of(audience))
              .issueTime(Date.from(from)).notBeforeTime(Date.from(from))
              .expirationTime(Date.from(from.plusSeconds(3600))).build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) {
    try (exchange; OutputStream out = exchange.getResponseBody()) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
