package io.podidentity.bench.nmi;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples a process's resident memory every 100 ms while open and keeps the peak. */
final class RssSampler implements AutoCloseable {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private volatile double peak = Double.NaN;

  RssSampler(JvmProcess process) {
    timer.scheduleAtFixedRate(() -> {
      double now = process.residentMib();
      if (Double.isNaN(peak) || now > peak) {
        peak = now;
      }
    }, 0, 100, TimeUnit.MILLISECONDS);
  }

  double peak() {
    return peak;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
