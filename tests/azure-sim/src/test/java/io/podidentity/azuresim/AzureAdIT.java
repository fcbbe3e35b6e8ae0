package io.podidentity.azuresim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ClientAssertionCredentialBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.nimbusds.jwt.JWTClaimsSet;
import io.podidentity.azuresim.tls.IssuedCertificate;
import io.podidentity.azuresim.tls.TrustMaterial;
import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.Tenant;
import io.podidentity.azuresim.world.FederatedCredential;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** azure-identity and MSAL4J against the simulated Azure AD, with instance discovery off. */
class AzureAdIT {
  private static final String ARM_SCOPE = "https://management.core.windows.net//.default";
  private static SimulatedAzure azure;
  private static TestIssuer issuer;

  @BeforeAll
  static void start() {
    azure = new SimulatedAzure();
    issuer = new TestIssuer();
  }

  @AfterAll
  static void stop() {
    issuer.close();
    azure.close();
  }

  @Test
  void clientSecretCredentialGetsAVerifiableV1TokenForArm() {
    AccessToken token = azure.credential(azure.mic, SimulatedAzure.SECRET)
        .getTokenSync(new TokenRequestContext().addScopes(ARM_SCOPE));

    JWTClaimsSet claims = SimulatorTokens.verify(azure.sim, token.getToken());
    assertThat(claims.getAudience()).containsExactly("https://management.core.windows.net/");
    assertThat(claims.getIssuer()).isEqualTo("https://sts.windows.net/" + azure.tenant.id() + "/");
    assertThat(claims.getClaim("appid")).isEqualTo(azure.mic.appId());
    assertThat(claims.getClaim("appidacr")).isEqualTo("1");
    assertThat(claims.getClaim("oid")).isEqualTo(azure.mic.servicePrincipalId());
    assertThat(claims.getClaim("tid")).isEqualTo(azure.tenant.id());
    assertThat(claims.getClaim("ver")).isEqualTo("1.0");
    assertThat(token.getExpiresAt().toInstant()).isAfter(Instant.now().plusSeconds(3000));
  }

  @Test
  void v1EndpointAnswersWithStringsExpiresOnAndResource() {
    var response = RawHttp.send(java.net.http.HttpClient.newBuilder().sslContext(azure.sim.clientSslContext())
        .build(), java.net.http.HttpRequest.newBuilder(java.net.URI.create(azure.sim.aadUrl() + azure.tenant.id()
            + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
            + azure.mic.appId() + "&client_secret=" + SimulatedAzure.SECRET
            + "&resource=https%3A%2F%2Fmanagement.azure.com%2F")).build());
    var body = io.podidentity.azuresim.http.Json.parseObject(response.body()).orElseThrow();
    assertThat(body.keySet()).contains("token_type", "expires_in", "ext_expires_in", "expires_on", "not_before",
        "resource", "access_token");
    assertThat(body.get("expires_in").getAsJsonPrimitive().isString()).isTrue();
    assertThat(body.get("resource").getAsString()).isEqualTo("https://management.azure.com/");
    assertThat(SimulatorTokens.verify(azure.sim, body.get("access_token").getAsString()).getAudience())
        .containsExactly("https://management.azure.com/");
  }

  @Test
  void echoesTheClientRequestIdWhenAskedOnSuccessAndError() {
    var client = java.net.http.HttpClient.newBuilder().sslContext(azure.sim.clientSslContext()).build();
    for (String secret : List.of(SimulatedAzure.SECRET, "wrong")) {
      var asked = RawHttp.send(client, tokenRequest(secret)
          .header("client-request-id", "7d1f0c2e-1111-4a5b-9c8d-0e1f2a3b4c5d")
          .header("return-client-request-id", "true").build());
      assertThat(asked.headers().firstValue("client-request-id")).as(secret)
          .contains("7d1f0c2e-1111-4a5b-9c8d-0e1f2a3b4c5d");
      assertThat(asked.headers().firstValue("x-ms-request-id")).as(secret).isPresent();
    }
    var notAsked = RawHttp.send(client, tokenRequest(SimulatedAzure.SECRET)
        .header("client-request-id", "7d1f0c2e-1111-4a5b-9c8d-0e1f2a3b4c5d").build());
    assertThat(notAsked.headers().firstValue("client-request-id")).isEmpty();
  }

  private static java.net.http.HttpRequest.Builder tokenRequest(String secret) {
    return java.net.http.HttpRequest.newBuilder(java.net.URI.create(azure.sim.aadUrl() + azure.tenant.id()
        + "/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
            + azure.mic.appId() + "&client_secret=" + secret + "&scope=https%3A%2F%2Fmanagement.azure.com%2F.default"));
  }

  @Test
  void discoveryDocumentsNameTheRealIssuersAndUnknownTenantsAreRefused() {
    var client = java.net.http.HttpClient.newBuilder().sslContext(azure.sim.clientSslContext()).build();
    var v2 = openId(client, azure.tenant.id() + "/v2.0");
    assertThat(v2.statusCode()).isEqualTo(200);
    assertThat(v2.body()).contains("\"issuer\":\"https://login.microsoftonline.com/" + azure.tenant.id() + "/v2.0\"");
    var common = openId(client, "common");
    assertThat(common.body()).contains("\"issuer\":\"https://sts.windows.net/{tenantid}/\"");
    var unknown = openId(client, "00000000-0000-4000-8000-0000000000ee");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("AADSTS90002");
  }

  private static java.net.http.HttpResponse<String> openId(java.net.http.HttpClient client, String prefix) {
    return RawHttp.send(client, java.net.http.HttpRequest.newBuilder(java.net.URI.create(azure.sim.aadUrl() + prefix
        + "/.well-known/openid-configuration")).build());
  }

  @Test
  void wrongSecretSurfacesAadsts7000215() {
    assertThatThrownBy(() -> azure.credential(azure.mic, "not-the-secret")
        .getTokenSync(new TokenRequestContext().addScopes(ARM_SCOPE)))
        .hasMessageContaining("AADSTS7000215: Invalid client secret provided.");
  }

  @Test
  void unknownClientAndUnknownTenantAreRefusedWithTheirCodes() {
    Application stranger = new Application(azure.tenant.id(), "00000000-0000-4000-8000-000000000001",
        "00000000-0000-4000-8000-000000000002", "stranger", List.of(), List.of(), List.of(), List.of(), 1);
    assertThatThrownBy(() -> azure.credential(stranger, "x").getTokenSync(new TokenRequestContext()
        .addScopes(ARM_SCOPE))).hasMessageContaining("AADSTS700016: Application with identifier '"
            + stranger.appId() + "' was not found in the directory");
    Application elsewhere = new Application("00000000-0000-4000-8000-0000000000ff", azure.mic.appId(), "x", "x",
        List.of(), List.of(), List.of(), List.of(), 1);
    assertThatThrownBy(() -> azure.credential(elsewhere, SimulatedAzure.SECRET).getTokenSync(
        new TokenRequestContext().addScopes(ARM_SCOPE))).hasMessageContaining("AADSTS90002: Tenant '"
            + elsewhere.tenantId() + "' not found.");
  }

  @Test
  void aMultiTenantAppGetsTokensFromAnotherTenantOnlyAfterConsentThere() {
    Tenant fabrikam = azure.sim.world().addTenant("Fabrikam");
    Application home = azure.sim.world().addClientSecret(
        azure.sim.world().addApplication(azure.tenant.id(), "multi-tenant").appId(), "multi-tenant-secret");
    Application inFabrikam = new Application(fabrikam.id(), home.appId(), home.servicePrincipalId(), "multi-tenant",
        List.of(), List.of(), List.of(), List.of(), 1);
    assertThatThrownBy(() -> azure.credential(inFabrikam, "multi-tenant-secret").getTokenSync(
        new TokenRequestContext().addScopes(ARM_SCOPE))).hasMessageContaining("AADSTS700016");

    String foreignPrincipal = azure.sim.world().addServicePrincipal(home.appId(), fabrikam.id());

    JWTClaimsSet claims = SimulatorTokens.verify(azure.sim, azure.credential(inFabrikam, "multi-tenant-secret")
        .getTokenSync(new TokenRequestContext().addScopes(ARM_SCOPE)).getToken());
    assertThat(claims.getClaim("tid")).isEqualTo(fabrikam.id());
    assertThat(claims.getClaim("oid")).isEqualTo(foreignPrincipal).isNotEqualTo(home.servicePrincipalId());
    assertThat(claims.getClaim("appid")).isEqualTo(home.appId());
    assertThat(claims.getIssuer()).isEqualTo("https://sts.windows.net/" + fabrikam.id() + "/");
    assertThat(azure.sim.world().addServicePrincipal(home.appId(), fabrikam.id())).isEqualTo(foreignPrincipal);
  }

  @Test
  void clientCertificateCredentialAuthenticatesWithARegisteredCertificateOnly() {
    IssuedCertificate registered = azure.sim.trust().authority().issueClientCertificate("cert-app");
    Application app = azure.sim.world().addCertificate(azure.sim.world().addApplication(azure.tenant.id(),
        "cert-app").appId(), registered.certificate());

    AccessToken token = certificateCredential(app, registered).getTokenSync(new TokenRequestContext()
        .addScopes("https://storage.azure.com/.default"));
    JWTClaimsSet claims = SimulatorTokens.verify(azure.sim, token.getToken());
    assertThat(claims.getAudience()).containsExactly("https://storage.azure.com");
    assertThat(claims.getClaim("appidacr")).isEqualTo("2");

    IssuedCertificate other = azure.sim.trust().authority().issueClientCertificate("cert-app");
    assertThatThrownBy(() -> certificateCredential(app, other).getTokenSync(new TokenRequestContext()
        .addScopes(ARM_SCOPE))).hasMessageContaining("AADSTS700027: The certificate with identifier used to sign "
            + "the client assertion is not registered on application.")
        .hasMessageContaining(java.util.HexFormat.of().withUpperCase().formatHex(IssuedCertificate.digest(
            other.certificate(), "SHA-256")));
  }

  @Test
  void msalConfidentialClientWithSecretAndWithCertificate() throws Exception {
    IAuthenticationResult bySecret = msal(azure.mic, ClientCredentialFactory.createFromSecret(SimulatedAzure.SECRET));
    assertThat(SimulatorTokens.verify(azure.sim, bySecret.accessToken()).getClaim("appid"))
        .isEqualTo(azure.mic.appId());

    IssuedCertificate cert = azure.sim.trust().authority().issueClientCertificate("msal-cert-app");
    Application app = azure.sim.world().addCertificate(azure.sim.world().addApplication(azure.tenant.id(),
        "msal-cert-app").appId(), cert.certificate());
    IAuthenticationResult byCertificate = msal(app, ClientCredentialFactory.createFromCertificate(
        cert.keyPair().getPrivate(), cert.certificate()));
    assertThat(SimulatorTokens.verify(azure.sim, byCertificate.accessToken()).getClaim("oid"))
        .isEqualTo(app.servicePrincipalId());
  }

  @Test
  void msalSurfacesTheAadErrorOfAWrongSecret() {
    assertThatThrownBy(() -> msal(azure.mic, ClientCredentialFactory.createFromSecret("wrong")))
        .isInstanceOf(ExecutionException.class).cause()
        .isInstanceOfSatisfying(MsalServiceException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("invalid_client");
          assertThat(e.statusCode()).isEqualTo(401);
          assertThat(e.getMessage()).startsWith("AADSTS7000215: Invalid client secret provided.");
        });
  }

  @Test
  void federatedAssertionFromTheTrustedIssuerIsExchangedForAToken() {
    Application app = azure.sim.world().addFederatedCredential(azure.sim.world().addApplication(azure.tenant.id(),
        "workload").appId(), new FederatedCredential("k8s", issuer.issuer(), "system:serviceaccount:demo:workload",
            List.of(FederatedCredential.DEFAULT_AUDIENCE)));
    String assertion = issuer.token("system:serviceaccount:demo:workload", FederatedCredential.DEFAULT_AUDIENCE,
        Instant.now());

    AccessToken token = assertionCredential(app.appId(), assertion).getTokenSync(new TokenRequestContext()
        .addScopes(ARM_SCOPE));

    assertThat(SimulatorTokens.verify(azure.sim, token.getToken()).getClaim("oid"))
        .isEqualTo(app.servicePrincipalId());
  }

  @Test
  void federatedAssertionForAUserAssignedIdentityCarriesItsResourceId() {
    azure.sim.world().addFederatedCredential(azure.identity2.id(), new FederatedCredential("k8s", issuer.issuer(),
        "system:serviceaccount:demo:uami", List.of(FederatedCredential.DEFAULT_AUDIENCE)));
    String assertion = issuer.token("system:serviceaccount:demo:uami", FederatedCredential.DEFAULT_AUDIENCE,
        Instant.now());

    AccessToken token = assertionCredential(azure.identity2.clientId(), assertion).getTokenSync(
        new TokenRequestContext().addScopes(ARM_SCOPE));

    JWTClaimsSet claims = SimulatorTokens.verify(azure.sim, token.getToken());
    assertThat(claims.getClaim("oid")).isEqualTo(azure.identity2.principalId());
    assertThat(claims.getClaim("xms_mirid")).isEqualTo(azure.identity2.id().toString());
  }

  @Test
  void federatedAssertionWithoutMatchingCredentialOrExpiredIsRefused() {
    Application app = azure.sim.world().addFederatedCredential(azure.sim.world().addApplication(azure.tenant.id(),
        "strict-workload").appId(), new FederatedCredential("k8s", issuer.issuer(), "system:serviceaccount:a:b",
            List.of(FederatedCredential.DEFAULT_AUDIENCE)));
    String wrongSubject = issuer.token("system:serviceaccount:a:other", FederatedCredential.DEFAULT_AUDIENCE,
        Instant.now());
    assertThatThrownBy(() -> assertionCredential(app.appId(), wrongSubject).getTokenSync(new TokenRequestContext()
        .addScopes(ARM_SCOPE))).hasMessageContaining("AADSTS70021: No matching federated identity record found for "
            + "presented assertion. Assertion Issuer: '" + issuer.issuer() + "'. Assertion Subject: "
            + "'system:serviceaccount:a:other'. Assertion Audience: 'api://AzureADTokenExchange'.");

    String expired = issuer.token("system:serviceaccount:a:b", FederatedCredential.DEFAULT_AUDIENCE,
        Instant.now().minusSeconds(3 * 3600));
    assertThatThrownBy(() -> assertionCredential(app.appId(), expired).getTokenSync(new TokenRequestContext()
        .addScopes(ARM_SCOPE))).hasMessageContaining("AADSTS700024: Client assertion is not within its valid time "
            + "range.");
  }

  private static com.azure.identity.ClientCertificateCredential certificateCredential(Application app,
      IssuedCertificate cert) {
    String pem = TrustMaterial.pem(cert.certificate()) + "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.keyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    return new ClientCertificateCredentialBuilder().tenantId(app.tenantId()).clientId(app.appId())
        .pemCertificate(new java.io.ByteArrayInputStream(pem.getBytes())).authorityHost(azure.sim.aadUrl().toString())
        .disableInstanceDiscovery().httpClient(azure.httpClient()).build();
  }

  private static com.azure.identity.ClientAssertionCredential assertionCredential(String clientId, String assertion) {
    return new ClientAssertionCredentialBuilder().tenantId(azure.tenant.id()).clientId(clientId)
        .clientAssertion(() -> assertion).authorityHost(azure.sim.aadUrl().toString()).disableInstanceDiscovery()
        .httpClient(azure.httpClient()).build();
  }

  private static IAuthenticationResult msal(Application app, IClientCredential credential) throws Exception {
    ConfidentialClientApplication client = ConfidentialClientApplication.builder(app.appId(), credential)
        .authority(azure.sim.aadUrl() + app.tenantId() + "/").instanceDiscovery(false)
        .sslSocketFactory(azure.sim.clientSslContext().getSocketFactory()).build();
    return client.acquireToken(ClientCredentialParameters.builder(Set.of(ARM_SCOPE)).build()).get();
  }
}
