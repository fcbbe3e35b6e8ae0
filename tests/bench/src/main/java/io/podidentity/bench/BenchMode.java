package io.podidentity.bench;

import java.time.Duration;
import java.util.List;

/**
 * The sizes of one run. {@link #FULL} is what the issue asks for; {@link #SMOKE} runs the same code paths at tiny
 * sizes in well under a minute, so that the benchmarks cannot rot unnoticed.
 */
public record BenchMode(
    String name,
    NmiSizes nmi,
    MicSizes mic,
    PlannerSizes planner) {

  /** The token path: pods on the node, identities they share, offered loads and how long each runs. */
  public record NmiSizes(int pods, int identities, List<Integer> ratesPerSecond, Duration perRate, Duration warmUp,
      Duration saturation, int coldRequests, int coldRatePerSecond, int herd) {}

  /** MIC's world: pods on scale-set instances and standalone VMs, and how long to wait for each phase. */
  public record MicSizes(int pods, int scaleSets, int instancesPerScaleSet, int vms, int identities,
      Duration quietPeriod, int timeCompression, Duration phaseTimeout) {
    public int nodes() {
      return scaleSets * instancesPerScaleSet + vms;
    }
  }

  /** Planner snapshot sizes and JMH's iteration settings. */
  public record PlannerSizes(List<Integer> pods, int forks, int warmupIterations, int measurementIterations,
      Duration iteration) {}

  public static final BenchMode FULL = new BenchMode("full",
      new NmiSizes(200, 20, List.of(100, 1_000, 5_000), Duration.ofSeconds(10), Duration.ofSeconds(3),
          Duration.ofSeconds(10), 100, 10, 1_000),
      new MicSizes(2_000, 4, 40, 40, 100, Duration.ofSeconds(60), 10, Duration.ofMinutes(8)),
      new PlannerSizes(List.of(1_000, 10_000, 50_000), 1, 3, 5, Duration.ofSeconds(1)));

  public static final BenchMode SMOKE = new BenchMode("smoke",
      new NmiSizes(20, 4, List.of(100, 1_000), Duration.ofSeconds(1), Duration.ofMillis(500),
          Duration.ofSeconds(1), 10, 10, 50),
      new MicSizes(40, 2, 2, 4, 5, Duration.ofSeconds(2), 10, Duration.ofSeconds(60)),
      new PlannerSizes(List.of(1_000), 0, 1, 1, Duration.ofMillis(200)));

  public static BenchMode named(String name) {
    return switch (name) {
      case "full" -> FULL;
      case "smoke" -> SMOKE;
      default -> throw new IllegalArgumentException("mode must be full or smoke, not " + name);
    };
  }
}
