package io.podidentity.azuresim;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;

/** Verifies tokens the simulator issued against its published JWKS, the way a resource server would. */
final class SimulatorTokens {
  private SimulatorTokens() {}

  static JWTClaimsSet verify(AzureSimulator sim, String token) {
    try {
      HttpClient client = HttpClient.newBuilder().sslContext(sim.clientSslContext()).build();
      String jwks = client.send(HttpRequest.newBuilder(URI.create(sim.aadUrl() + "common/discovery/keys")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      SignedJWT jwt = SignedJWT.parse(token);
      RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
      if (key == null || !jwt.verify(new RSASSAVerifier(key))) {
        throw new AssertionError("token does not verify against the simulator's JWKS");
      }
      return jwt.getJWTClaimsSet();
    } catch (IOException | ParseException | JOSEException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
