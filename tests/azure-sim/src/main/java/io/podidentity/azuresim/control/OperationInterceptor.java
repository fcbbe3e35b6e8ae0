package io.podidentity.azuresim.control;

import io.podidentity.azuresim.http.DroppedConnection;
import io.podidentity.azuresim.http.Handler;
import io.podidentity.azuresim.http.Interceptor;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Counts every routed call under its operation name, then applies the fault rule for it: the delay is scheduled on
 * a timer and only the calling virtual thread waits for it, so delays never block unrelated requests.
 */
public final class OperationInterceptor implements Interceptor {
  private final Counters counters;
  private final FaultInjector faults;
  private final ScheduledExecutorService timer;

  public OperationInterceptor(Counters counters, FaultInjector faults, ScheduledExecutorService timer) {
    this.counters = counters;
    this.faults = faults;
    this.timer = timer;
  }

  @Override
  public SimResponse intercept(String operation, SimRequest request, Handler next) {
    counters.increment(operation);
    var rule = faults.take(operation);
    if (rule.isEmpty()) {
      return next.handle(request);
    }
    if (rule.get().latency() != null) {
      await(rule.get().latency().next());
    }
    FaultEffect effect = rule.get().effect();
    if (effect == null) {
      return next.handle(request);
    }
    counters.increment("fault_injected");
    return switch (effect) {
      case FaultEffect.Respond r -> new SimResponse(r.status(), r.headers(), r.body().getBytes(StandardCharsets.UTF_8));
      case FaultEffect.DropConnection d -> throw new DroppedConnection();
    };
  }

  private void await(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    timer.schedule(() -> done.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
    done.join();
  }
}
