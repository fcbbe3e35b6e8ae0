package io.podidentity.mic.health;

import io.podidentity.mic.MicRuntime;
import io.podidentity.mic.MicStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once MIC has started: a standby replica is ready to take over; the leader is ready once its caches are
 * synced and its sync loop runs (until then it would act on a partial view of the cluster).
 */
@Readiness
@ApplicationScoped
public class MicReadiness implements HealthCheck {
  private final MicRuntime runtime;

  @Inject
  public MicReadiness(MicRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public HealthCheckResponse call() {
    MicStatus status = runtime.status();
    boolean ready = status.started() && (!status.leader() || status.syncLoopRunning());
    return HealthCheckResponse.named("mic").status(ready).withData("leader", status.leader())
        .withData("syncing", status.syncLoopRunning()).build();
  }
}
