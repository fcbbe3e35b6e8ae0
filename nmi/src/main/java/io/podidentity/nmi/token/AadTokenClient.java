package io.podidentity.nmi.token;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLSocketFactory;

/**
 * Gets service principal tokens from Azure AD with MSAL4J's client-credentials flow, one call per tenant (the
 * primary, then each auxiliary tenant, as the original's multi-tenant token did). The authority is the identity's
 * {@code adEndpoint} (default {@code https://login.microsoftonline.com/}) plus the tenant; for any other endpoint
 * instance discovery and authority validation are off, so nothing is sent to Microsoft's hosts. MSAL's own cache
 * is skipped: {@link TokenCache} decides freshness.
 */
public final class AadTokenClient {
  public static final String DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com/";

  private final Duration timeout;
  private final Optional<SSLSocketFactory> ssl;
  private final ExecutorService executor;
  private final Clock clock;
  private final UpstreamObserver observer;

  public AadTokenClient(Duration timeout, Optional<SSLSocketFactory> ssl, ExecutorService executor, Clock clock,
      UpstreamObserver observer) {
    this.timeout = timeout;
    this.ssl = ssl;
    this.executor = executor;
    this.clock = clock;
    this.observer = observer;
  }

  /** Tokens for {@code resource} from the tenants in order; the first failure decides the outcome. */
  public CompletableFuture<TokenOutcome> tokens(String clientId, IClientCredential credential, String adEndpoint,
      List<String> tenants, String resource) {
    long started = System.nanoTime();
    CompletableFuture<List<IssuedToken>> all = CompletableFuture.completedFuture(new ArrayList<>());
    for (String tenant : tenants) {
      all = all.thenCompose(tokens -> one(clientId, credential, authority(adEndpoint, tenant), resource)
          .thenApply(token -> {
            tokens.add(token);
            return tokens;
          }));
    }
    return all.<TokenOutcome>thenApply(TokenOutcome.Issued::new).exceptionally(AadTokenClient::classify)
        .thenApply(outcome -> {
          observer.called(UpstreamObserver.AZURE_AD, Duration.ofNanos(System.nanoTime() - started),
              outcome instanceof TokenOutcome.Issued);
          return outcome;
        });
  }

  private CompletableFuture<IssuedToken> one(String clientId, IClientCredential credential, String authority,
      String resource) {
    try {
      ConfidentialClientApplication.Builder builder = ConfidentialClientApplication.builder(clientId, credential)
          .authority(authority).executorService(executor)
          .connectTimeoutForDefaultHttpClient((int) timeout.toMillis())
          .readTimeoutForDefaultHttpClient((int) timeout.toMillis());
      if (!authority.startsWith(DEFAULT_AUTHORITY_HOST)) {
        builder.instanceDiscovery(false).validateAuthority(false);
      }
      ssl.ifPresent(builder::sslSocketFactory);
      ClientCredentialParameters parameters = ClientCredentialParameters.builder(Set.of(scope(resource)))
          .skipCache(true).build();
      return builder.build().acquireToken(parameters).thenApply(result -> token(result, resource));
    } catch (MalformedURLException | IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private IssuedToken token(IAuthenticationResult result, String resource) {
    Instant now = clock.instant();
    return new IssuedToken(result.accessToken(), "", now, result.expiresOnDate().toInstant(), now, resource,
        "Bearer");
  }

  /** Azure AD's v2 scope for a v1 resource, as the Azure SDK forms it. */
  static String scope(String resource) {
    return resource + "/.default";
  }

  static String authority(String adEndpoint, String tenant) {
    String host = adEndpoint.isBlank() ? DEFAULT_AUTHORITY_HOST : adEndpoint.strip();
    return (host.endsWith("/") ? host : host + "/") + tenant + "/";
  }

  private static TokenOutcome classify(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof MsalServiceException service) {
      return new TokenOutcome.Refused("failed to get service principal token: " + firstLine(service.getMessage()));
    }
    return new TokenOutcome.Unavailable("failed to get service principal token: " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " " + firstLine(cause.getMessage())));
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
