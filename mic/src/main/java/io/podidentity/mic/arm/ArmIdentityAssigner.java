package io.podidentity.mic.arm;

import io.podidentity.common.plan.ComputeTarget;
import io.podidentity.common.plan.IdentityPatch;
import io.podidentity.common.port.ArmFailure;
import io.podidentity.common.port.ArmOutcome;
import io.podidentity.common.port.IdentityAssigner;
import io.podidentity.common.port.IdentityRead;
import io.podidentity.mic.metrics.MicMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link IdentityAssigner} on ARM: one GET or one PATCH per call through {@link ComputeClients} (always the
 * current connection, so a reloaded azure.json takes effect on the next call), held back while a throttle gate is
 * closed, timed and counted under the original's operation names, failures classified.
 */
public final class ArmIdentityAssigner implements IdentityAssigner {
  private final Supplier<ComputeClients> clients;
  private final ThrottleGates gates;
  private final MicMetrics metrics;
  private final Clock clock;

  public ArmIdentityAssigner(Supplier<ComputeClients> clients, ThrottleGates gates, MicMetrics metrics, Clock clock) {
    this.clients = clients;
    this.gates = gates;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public IdentityRead read(ComputeTarget target) {
    String operation = target.isScaleSet() ? "vmss_get" : "vm_get";
    Optional<ArmFailure> held = held(target, ThrottleGates.Direction.READ, operation);
    if (held.isPresent()) {
      return held.get();
    }
    Instant start = clock.instant();
    try {
      ComputeClients.Found found = clients.get().read(target);
      metrics.cloudOperation(operation, Duration.between(start, clock.instant()));
      return new IdentityRead.Found(found.identity(), found.deleting());
    } catch (RuntimeException e) {
      return failed(e, operation);
    }
  }

  @Override
  public ArmOutcome apply(ComputeTarget target, IdentityPatch patch) {
    String operation = target.isScaleSet() ? "vmss_update" : "vm_update";
    Optional<ArmFailure> held = held(target, ThrottleGates.Direction.WRITE, operation);
    if (held.isPresent()) {
      return held.get();
    }
    Instant start = clock.instant();
    try {
      ArmOutcome outcome = new ArmOutcome.Applied(clients.get().update(target, patch));
      metrics.cloudOperation(operation, Duration.between(start, clock.instant()));
      return outcome;
    } catch (RuntimeException e) {
      return failed(e, operation);
    }
  }

  private Optional<ArmFailure> held(ComputeTarget target, ThrottleGates.Direction direction, String operation) {
    Instant now = clock.instant();
    return gates.closed(target, direction, now).map(wait -> {
      metrics.cloudOperationThrottled(operation);
      return new ArmFailure.Throttled(wait, operation + " of " + target + " throttled, retry after: "
          + now.plus(wait));
    });
  }

  private ArmFailure failed(RuntimeException e, String operation) {
    ArmFailure failure = ArmFailures.classify(e, clock.instant());
    if (failure instanceof ArmFailure.Throttled) {
      metrics.cloudOperationThrottled(operation);
    }
    metrics.cloudOperationFailed(operation);
    return failure;
  }
}
