package io.podidentity.nmi;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** NMI is alive while the JVM answers; a stuck process is caught by the kubelet's timeout. */
@Liveness
@ApplicationScoped
public class NmiLiveness implements HealthCheck {
  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up("nmi");
  }
}
