package io.podidentity.bench.planner;

import io.podidentity.bench.BenchMode.PlannerSizes;
import io.podidentity.bench.Report;
import java.util.Collection;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Issue 8 item 4: runs {@link PlannerBenchmark} with JMH's GC profiler and reports time and allocation per pod. */
public final class PlannerRun {
  public static final String SECTION = "planner";

  private PlannerRun() {}

  public static void run(PlannerSizes sizes, Report report) {
    report.section(SECTION, "Planner cost (JMH)");
    Options options = new OptionsBuilder()
        .include(PlannerBenchmark.class.getName())
        .param("pods", sizes.pods().stream().map(String::valueOf).toArray(String[]::new))
        .forks(sizes.forks())
        .warmupIterations(sizes.warmupIterations())
        .measurementIterations(sizes.measurementIterations())
        .warmupTime(TimeValue.milliseconds(sizes.iteration().toMillis()))
        .measurementTime(TimeValue.milliseconds(sizes.iteration().toMillis()))
        .addProfiler(GCProfiler.class)
        .verbosity(sizes.forks() == 0 ? VerboseMode.SILENT : VerboseMode.NORMAL)
        .build();
    Collection<RunResult> results;
    try {
      results = new Runner(options).run();
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed", e);
    }
    for (RunResult result : results) {
      int pods = Integer.parseInt(result.getParams().getParam("pods"));
      String cluster = result.getParams().getParam("cluster");
      double micros = result.getPrimaryResult().getScore();
      Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
      String name = cluster + "_" + pods;
      report.add(SECTION, name + "_pass", micros / 1_000, "ms", "one planning pass, " + pods + " pods, " + cluster);
      report.add(SECTION, name + "_per_pod", micros * 1_000 / pods, "ns",
          pods == 50_000 ? "< 1000" : "", "time per pod");
      report.add(SECTION, name + "_alloc_per_pod", alloc == null ? Double.NaN : alloc.getScore() / pods, "bytes",
          "allocated per pod (gc.alloc.rate.norm / pods)");
    }
    report.note(SECTION, "JMH average time, " + sizes.forks() + " fork(s), " + sizes.warmupIterations() + "+"
        + sizes.measurementIterations() + " iterations of " + sizes.iteration().toMillis() + " ms; fresh = every pod new, "
        + "settled = every pod Assigned (empty plan).");
  }
}
