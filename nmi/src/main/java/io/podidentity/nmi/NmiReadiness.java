package io.podidentity.nmi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the caches hold their first full lists and the redirect rules are in place (or NMI does not manage
 * them): before that a pod's request would be refused for want of data, or would bypass NMI.
 */
@Readiness
@ApplicationScoped
public class NmiReadiness implements HealthCheck {
  private final NmiRuntime runtime;

  @Inject
  public NmiReadiness(NmiRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public HealthCheckResponse call() {
    boolean synced = runtime.cluster().synced();
    boolean rules = runtime.rules().inPlace();
    return HealthCheckResponse.named("nmi").status(synced && rules).withData("cachesSynced", synced)
        .withData("rulesInPlace", rules).build();
  }
}
