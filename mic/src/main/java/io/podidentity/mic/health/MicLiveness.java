package io.podidentity.mic.health;

import io.podidentity.mic.MicRuntime;
import io.podidentity.mic.MicStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * MIC is alive while it answers: a stuck process is caught by the kubelet's timeout, and a lost lease ends the
 * process anyway. The details say whether this replica leads and how far its syncing got.
 */
@Liveness
@ApplicationScoped
public class MicLiveness implements HealthCheck {
  private final MicRuntime runtime;

  @Inject
  public MicLiveness(MicRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public HealthCheckResponse call() {
    MicStatus status = runtime.status();
    return HealthCheckResponse.named("mic").up().withData("leader", status.leader())
        .withData("syncing", status.syncLoopRunning()).withData("syncs", status.syncs()).build();
  }
}
