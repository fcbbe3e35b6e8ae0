package io.podidentity.nmi.it;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.FixedDelay;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.aad.msal4j.ManagedIdentityEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A process in a pod, calling NMI from the pod's address. In a cluster the pod's packets to 169.254.169.254 keep
 * their source address through the DNAT to NMI; here pods' addresses are loopback addresses (127.0.x.y), and the
 * caller's sockets are bound to them ({@code java.net.http.HttpClient.Builder#localAddress}), so NMI sees the same
 * source address it would see behind the rule. The real azure-identity {@code ManagedIdentityCredential} runs on
 * that bound client (azure-core's JDK HTTP client takes the configured builder), and finds NMI through
 * {@code AZURE_POD_IDENTITY_AUTHORITY_HOST}, exactly as an unchanged application would with the variable set.
 */
final class PodCaller {
  /** MSAL caches managed identity tokens per JVM: each SDK request names a resource nobody asked for before. */
  private static final AtomicInteger RESOURCES = new AtomicInteger();

  private final InetAddress address;
  private final String nmiUrl;
  private final java.net.http.HttpClient http;

  PodCaller(String ip, String nmiUrl) {
    try {
      this.address = InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(ip, e);
    }
    this.nmiUrl = nmiUrl;
    this.http = bound().build();
  }

  /** A storage resource (Azure AD issues tokens for any account's host) never requested before in this JVM. */
  static String freshResource() {
    return "https://acct" + RESOURCES.incrementAndGet() + ".blob.core.windows.net";
  }

  /** A raw request to NMI from this pod, with the given headers. */
  HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nmiUrl + pathAndQuery))
        .timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A token request as an IMDS client sends it, {@code Metadata: true} included. */
  HttpResponse<String> token(String query) {
    return get("/metadata/identity/oauth2/token?api-version=2018-02-01&" + query, Map.of("Metadata", "true"));
  }

  /** A token from the real ManagedIdentityCredential, for a fresh resource; no retries unless asked. */
  AccessToken sdkToken(String resource, UnaryOperator<ManagedIdentityCredentialBuilder> identity) {
    return sdkToken(resource, identity, 0);
  }

  /**
   * The same, with {@code retries} retries 100 ms apart on the statuses the SDK retries (404, 410, 429, 5xx); the
   * SDK's own IMDS policy would wait up to half a minute, and a given {@code Retry-After} is not honoured, so a
   * test does not sleep 20 s (the header's value is asserted on the raw answer instead).
   */
  AccessToken sdkToken(String resource, UnaryOperator<ManagedIdentityCredentialBuilder> identity, int retries) {
    ManagedIdentityEnvironment.authorityHost(nmiUrl);
    HttpClient client = new JdkHttpClientBuilder(bound()).build();
    ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder().httpClient(client)
        .configuration(new ConfigurationBuilder().putProperty("AZURE_POD_IDENTITY_AUTHORITY_HOST", nmiUrl).build())
        .retryPolicy(new RetryPolicy(new FixedDelay(retries, Duration.ofMillis(100)), "x-test-no-retry-after",
            ChronoUnit.MILLIS));
    return identity.apply(builder).build().getTokenSync(new TokenRequestContext().addScopes(resource + "/.default"));
  }

  private java.net.http.HttpClient.Builder bound() {
    return java.net.http.HttpClient.newBuilder().localAddress(address).version(java.net.http.HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5));
  }

  /** The claims of a JWT (not verified: the simulator signed it, and only who it names matters here). */
  static JsonObject claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }
}
