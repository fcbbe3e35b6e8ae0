package io.podidentity.mic.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.net.URI;
import reactor.core.publisher.Mono;

/**
 * Sends managed-identity token requests to a configured IMDS endpoint instead of the platform's 169.254.169.254.
 * azure-identity's {@code ManagedIdentityCredential} (through MSAL) only reads the endpoint from the process
 * environment; giving it this client makes the endpoint a per-credential setting.
 */
final class ImdsRedirectingClient implements HttpClient {
  static final String PLATFORM_IMDS_HOST = "169.254.169.254";

  private final HttpClient delegate;
  private final URI endpoint;

  ImdsRedirectingClient(HttpClient delegate, URI endpoint) {
    this.delegate = delegate;
    this.endpoint = endpoint;
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return delegate.send(redirect(request));
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request, Context context) {
    return delegate.send(redirect(request), context);
  }

  @Override
  public HttpResponse sendSync(HttpRequest request, Context context) {
    return delegate.sendSync(redirect(request), context);
  }

  private HttpRequest redirect(HttpRequest request) {
    URI original = URI.create(request.getUrl().toString());
    if (!PLATFORM_IMDS_HOST.equals(original.getHost())) {
      return request;
    }
    String base = endpoint.toString().replaceAll("/+$", "");
    String query = original.getRawQuery() == null ? "" : "?" + original.getRawQuery();
    return request.setUrl(base + original.getRawPath() + query);
  }
}
