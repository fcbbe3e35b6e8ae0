package io.podidentity.nmi.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.podidentity.nmi.NmiRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The token socket's only service: every method and path goes to {@link ImdsRequests}, which checks the raw target
 * itself. Helidon SE routing rather than JAX-RS, because the original's routing is on the raw, undecoded path with
 * prefix and case rules JAX-RS matching would normalise, and because the cached token path must be fast.
 */
@ApplicationScoped
public class ImdsService implements HttpService {
  private final NmiRuntime runtime;

  @Inject
  public ImdsService(NmiRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.any((request, response) -> runtime.requests().handle(request, response));
  }
}
