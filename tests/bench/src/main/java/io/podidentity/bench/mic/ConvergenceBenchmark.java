package io.podidentity.bench.mic;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.world.ResourceId;
import io.podidentity.bench.BenchMode.MicSizes;
import io.podidentity.bench.Report;
import io.podidentity.bench.world.ApiWriter;
import io.podidentity.mic.MicRuntime;
import io.podidentity.mic.MicWiring;
import io.podidentity.mic.metrics.MicMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Issue 8 item 3: MIC (in this JVM, wired as in production) against the simulators with ARM latency and throttling:
 * every pod appears at once, then the pods of half the identities are deleted, then the world stays quiet. Run for
 * the improved MIC and for the baseline with every switchable improvement off, each in a fresh world.
 */
public final class ConvergenceBenchmark {
  public static final String SECTION = "mic_convergence";
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration DRAIN_SILENCE = Duration.ofSeconds(3);
  private static final Set<String> WRITE_VERBS = Set.of("create", "update", "patch", "delete", "deletecollection");

  private final MicSizes sizes;
  private final Report report;
  /** Set when MIC under test ends itself (lease lost): the phases stop waiting. */
  private volatile boolean exited;

  public ConvergenceBenchmark(MicSizes sizes, Report report) {
    this.sizes = sizes;
    this.report = report;
  }

  public void run() {
    report.section(SECTION, "MIC convergence");
    List<Integer> all = IntStream.range(0, sizes.pods()).boxed().toList();
    report.note(SECTION, sizes.pods() + " pods on " + sizes.nodes() + " nodes (" + sizes.scaleSets()
        + " scale sets of " + sizes.instancesPerScaleSet() + " instances, " + sizes.vms() + " VMs), "
        + sizes.identities() + " identities; ARM GET " + ClusterWorld.GET_MILLIS + " ms, identity PATCH a "
        + ClusterWorld.PATCH_MILLIS + " ms long-running operation, ARM and Compute throttling on.");
    report.note(SECTION, "Quiet period: " + sizes.quietPeriod().toSeconds() + " s of wall time with MIC's resync, "
        + "drift and full-sync periods divided by " + sizes.timeCompression() + ", standing for "
        + sizes.quietPeriod().toSeconds() * sizes.timeCompression() / 60 + " minutes.");
    for (MicVariant variant : MicVariant.both()) {
      try (ClusterWorld world = new ClusterWorld(sizes)) {
        if (variant == MicVariant.IMPROVED) {
          report.add(SECTION, "minimum_arm_writes", world.targetsOf(all).size(), "writes",
              "one identity PATCH per VM or scale set that hosts a pod");
          report.add(SECTION, "arm_floor_seconds", (ClusterWorld.GET_MILLIS + ClusterWorld.PATCH_MILLIS) / 1e3, "s",
              "one GET and one PATCH: what ARM's latency allows when every write fits the buckets");
        }
        measure(variant, world);
      }
    }
  }

  private void measure(MicVariant variant, ClusterWorld world) {
    String v = variant.name();
    exited = false;
    try (MicRuntime mic = MicWiring.connect(variant.settings(world, sizes.timeCompression()), Map.of(),
        Clock.systemUTC(), new MicMetrics(), () -> {
          report.note(SECTION, v + ": MIC lost its lease and asked to exit; later figures of this variant are void");
          exited = true;
        })) {
      mic.start();
      await(() -> mic.status().syncLoopRunning(), Duration.ofSeconds(60));
      assign(v, world);
      release(v, world);
      quiet(v, world);
    }
  }

  private void assign(String v, ClusterWorld world) {
    resetCounters(world);
    long start = System.nanoTime();
    IntStream.range(0, sizes.pods()).forEach(world::seedPod);
    boolean done = await(() -> assigned(world) == sizes.pods(), sizes.phaseTimeout());
    double seconds = (System.nanoTime() - start) / 1e9;
    report.add(SECTION, v + "_time_to_assigned", done ? seconds : Double.NaN, "s", "all pods created at once until "
        + "every AzureAssignedIdentity is Assigned" + (done ? "" : " (not reached within " + sizes.phaseTimeout() + ")"));
    report.add(SECTION, v + "_assigned", assigned(world), "AAIs", "Assigned at the end of the phase");
    if (done) {
      report.add(SECTION, v + "_vs_arm_floor", seconds / ((ClusterWorld.GET_MILLIS + ClusterWorld.PATCH_MILLIS) / 1e3),
          "ratio", "", "time to Assigned over the ARM floor");
    }
    double apiFloor = 2.0 * sizes.pods() / 50;
    report.add(SECTION, v + "_vs_api_floor", seconds / apiFloor, "ratio", "time over 2 API writes per pod at "
        + "client-qps 50 (" + apiFloor + " s)");
    armAndApi(v, "", world);
  }

  private void release(String v, ClusterWorld world) {
    List<Integer> deleted = IntStream.range(0, sizes.pods()).filter(p -> world.identityOf(p) >= sizes.identities() / 2)
        .boxed().toList();
    Set<String> released = world.identities.subList(sizes.identities() / 2, sizes.identities()).stream()
        .map(i -> i.id().toString().toLowerCase()).collect(Collectors.toSet());
    Set<ResourceId> targets = world.targetsOf(deleted);
    if (v.equals("improved")) {
      report.add(SECTION, "pods_deleted", deleted.size(), "pods", "the pods of half the identities");
      report.add(SECTION, "minimum_release_writes", targets.size(), "writes", "VMs and scale sets to detach from");
    }
    resetCounters(world);
    long start = System.nanoTime();
    deletePods(world, deleted);
    int remaining = sizes.pods() - deleted.size();
    boolean done = await(() -> world.assignedIdentities().size() == remaining
        && targets.stream().noneMatch(t -> world.attached(t).stream().anyMatch(released::contains)),
        sizes.phaseTimeout());
    double seconds = (System.nanoTime() - start) / 1e9;
    report.add(SECTION, v + "_time_to_released", done ? seconds : Double.NaN, "s", "deleting them until their "
        + "AzureAssignedIdentities are gone and ARM no longer holds their identities");
    report.add(SECTION, v + "_released", sizes.pods() - world.assignedIdentities().size(), "AAIs",
        "AzureAssignedIdentities deleted");
    armAndApi(v, "release_", world);
  }

  private void quiet(String v, ClusterWorld world) {
    // Events and status writes queued behind the client-qps pacing may still be draining when the release phase's
    // condition holds; the quiet period starts once MIC has written nothing for DRAIN_SILENCE.
    long drainStart = System.nanoTime();
    boolean drained = awaitSilence(world, sizes.phaseTimeout());
    report.add(SECTION, v + "_drain_seconds", drained ? (System.nanoTime() - drainStart) / 1e9 : Double.NaN, "s",
        "after the release phase, until MIC's queued API writes stopped (" + DRAIN_SILENCE.toSeconds()
        + " s without one)");
    resetCounters(world);
    pause(sizes.quietPeriod());
    report.add(SECTION, v + "_quiet_arm_calls", armCalls(world), "calls", "== 0", "ARM calls in the quiet period");
    report.add(SECTION, v + "_quiet_arm_writes", armWrites(world), "writes", "",
        "ARM writes (identity PATCHes) in the quiet period");
    Map<String, Long> writes = writesByResource(world);
    report.add(SECTION, v + "_quiet_api_writes", writes(writes, r -> !r.startsWith("leases")), "writes", "== 0",
        "API writes in the quiet period, leader-election renewals aside");
    report.add(SECTION, v + "_quiet_lease_writes", writes(writes, r -> r.startsWith("leases")), "writes",
        "leader-election renewals in the quiet period");
    report.note(SECTION, v + ": API writes in the quiet period by resource: " + writes + "; ARM calls by operation: "
        + armCallsByOperation(world));
  }

  /** Until no API write other than a lease renewal happened for {@link #DRAIN_SILENCE}. */
  private boolean awaitSilence(ClusterWorld world, Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    long last = -1;
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline && !exited) {
      long now = writes(writesByResource(world), r -> !r.startsWith("leases") && !r.equals("pods"));
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince >= DRAIN_SILENCE.toNanos()) {
        return true;
      }
      pause(POLL);
    }
    return false;
  }

  private void armAndApi(String v, String phase, ClusterWorld world) {
    var counters = world.azure.counters();
    report.add(SECTION, v + "_" + phase + "arm_writes", counters.get("vmss_patch") + counters.get("vm_patch"),
        "writes", phase.isEmpty() ? "<= 1.1 x minimum" : "", "identity PATCHes");
    report.add(SECTION, v + "_" + phase + "arm_reads", counters.get("vmss_get") + counters.get("vm_get"), "reads",
        "VM and scale set GETs");
    report.add(SECTION, v + "_" + phase + "arm_429", counters.get("arm_429"), "responses", "throttled answers");
    report.add(SECTION, v + "_" + phase + "api_writes", writes(writesByResource(world),
        r -> !r.equals("pods") && !r.startsWith("leases")), "writes",
        "Kubernetes API writes by MIC (assigned identities, events), lease renewals aside");
  }

  /** Writes per resource since the last reset ({@code pods}, {@code leases.coordination.k8s.io}, ...). */
  private static Map<String, Long> writesByResource(ClusterWorld world) {
    Map<String, Long> writes = new java.util.TreeMap<>();
    world.kube.requests().snapshot().forEach((key, count) -> {
      if (WRITE_VERBS.contains(key.verb())) {
        writes.merge(key.resource(), count, Long::sum);
      }
    });
    return writes;
  }

  private static long writes(Map<String, Long> byResource, java.util.function.Predicate<String> resource) {
    return byResource.entrySet().stream().filter(e -> resource.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
  }

  private static long armCalls(ClusterWorld world) {
    return armCallsByOperation(world).values().stream().mapToLong(Long::longValue).sum();
  }

  private static long armWrites(ClusterWorld world) {
    return world.azure.counters().get("vmss_patch") + world.azure.counters().get("vm_patch");
  }

  private static Map<String, Long> armCallsByOperation(ClusterWorld world) {
    Map<String, Long> calls = new java.util.TreeMap<>();
    world.azure.counters().snapshot().forEach((operation, count) -> {
      if ((operation.startsWith("vm") || operation.startsWith("compute_")) && !operation.endsWith("_429")
          && count > 0) {
        calls.put(operation, count);
      }
    });
    return calls;
  }

  private static long assigned(ClusterWorld world) {
    return world.assignedIdentities().stream().filter(ConvergenceBenchmark::isAssigned).count();
  }

  private static boolean isAssigned(JsonObject aai) {
    JsonObject status = aai.getAsJsonObject("status");
    return status != null && status.has("status") && status.get("status").getAsString().equals("Assigned");
  }

  private static void deletePods(ClusterWorld world, List<Integer> pods) {
    ApiWriter api = new ApiWriter(world.kube);
    Semaphore parallel = new Semaphore(8);
    AtomicInteger failed = new AtomicInteger();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int p : pods) {
        threads.submit(() -> {
          parallel.acquireUninterruptibly();
          try {
            api.send("DELETE", "/api/v1/namespaces/" + ClusterWorld.NAMESPACE + "/pods/pod" + p, null);
          } catch (RuntimeException e) {
            failed.incrementAndGet();
          } finally {
            parallel.release();
          }
        });
      }
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " pod deletions failed");
    }
  }

  private static void resetCounters(ClusterWorld world) {
    world.azure.counters().reset();
    world.kube.requests().reset();
  }

  private boolean await(BooleanSupplier condition, Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline && !exited) {
      if (condition.getAsBoolean()) {
        return true;
      }
      pause(POLL);
    }
    return condition.getAsBoolean();
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
