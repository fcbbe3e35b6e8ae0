package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The TokenRequest API issues RS256 service-account tokens that verify against {@code /openid/v1/jwks} (found
 * through the OIDC discovery document) and carry the apiserver's claims, bound to a pod when asked.
 */
class TokenRequestIT {
  private static final String TOKEN = "/api/v1/namespaces/default/serviceaccounts/default/token";

  @RegisterExtension
  static final RunningSimulator SIM = RunningSimulator.plain();

  @Test
  void tokenVerifiesAgainstTheJwksAndCarriesTheClaims() throws Exception {
    SimHttp.Reply reply = SIM.http().post(TOKEN, "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenRequest\","
        + "\"spec\":{\"audiences\":[\"api://AzureADTokenExchange\"],\"expirationSeconds\":1200}}");
    assertThat(reply.code()).as(reply.text()).isEqualTo(201);
    SignedJWT jwt = SignedJWT.parse(reply.json().getAsJsonObject("status").get("token").getAsString());

    JsonObject discovery = SIM.http().get("/.well-known/openid-configuration").json();
    assertThat(discovery.get("issuer").getAsString()).isEqualTo(SIM.sim().issuer());
    String jwksPath = discovery.get("jwks_uri").getAsString().substring(SIM.sim().baseUrl().length());
    RSAKey key = JWKSet.parse(SIM.http().get(jwksPath).text()).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(SIM.sim().issuer());
    assertThat(claims.getSubject()).isEqualTo("system:serviceaccount:default:default");
    assertThat(claims.getAudience()).containsExactly("api://AzureADTokenExchange");
    assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofSeconds(1200));
    assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
    assertThat(claims.getJWTID()).isNotBlank();
    Map<String, Object> k8s = claims.getJSONObjectClaim("kubernetes.io");
    assertThat(k8s).containsEntry("namespace", "default").doesNotContainKey("pod");
    assertThat(serviceAccount(k8s)).containsEntry("name", "default")
        .containsEntry("uid", SIM.sim().get("v1", "serviceaccounts", "default", "default")
            .getAsJsonObject("metadata").get("uid").getAsString());
  }

  @Test
  void boundTokenNamesThePodAndDefaultsToAnHourForTheIssuerAudience() throws Exception {
    JsonObject pod = SIM.http().post("/api/v1/namespaces/default/pods", Fixtures.pod("bound", "a")).json();
    String uid = pod.getAsJsonObject("metadata").get("uid").getAsString();
    SimHttp.Reply reply = SIM.http().post(TOKEN, "{\"spec\":{\"boundObjectRef\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\","
        + "\"name\":\"bound\",\"uid\":\"" + uid + "\"}}}");
    assertThat(reply.code()).as(reply.text()).isEqualTo(201);
    assertThat(reply.json().getAsJsonObject("spec").get("expirationSeconds").getAsLong()).isEqualTo(3600);
    JWTClaimsSet claims = SignedJWT.parse(reply.json().getAsJsonObject("status").get("token").getAsString()).getJWTClaimsSet();
    assertThat(claims.getAudience()).containsExactly(SIM.sim().issuer());
    assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofHours(1));
    @SuppressWarnings("unchecked")
    Map<String, Object> boundPod = (Map<String, Object>) claims.getJSONObjectClaim("kubernetes.io").get("pod");
    assertThat(boundPod).containsEntry("name", "bound").containsEntry("uid", uid);
  }

  @Test
  void tooShortExpirationIsInvalid() {
    SimHttp.Reply reply = SIM.http().post(TOKEN, "{\"spec\":{\"expirationSeconds\":60}}");
    assertThat(reply.code()).isEqualTo(422);
    assertThat(reply.string("message")).isEqualTo("TokenRequest.authentication.k8s.io \"default\" is invalid: "
        + "spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes");
  }

  @Test
  void missingServiceAccountIsNotFound() {
    SimHttp.Reply reply = SIM.http().post("/api/v1/namespaces/default/serviceaccounts/nobody/token", "{}");
    assertThat(reply.code()).isEqualTo(404);
    assertThat(reply.string("message")).isEqualTo("serviceaccounts \"nobody\" not found");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> serviceAccount(Map<String, Object> k8s) {
    return (Map<String, Object>) k8s.get("serviceaccount");
  }
}
