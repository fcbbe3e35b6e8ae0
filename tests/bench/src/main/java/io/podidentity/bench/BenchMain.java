package io.podidentity.bench;

import io.podidentity.bench.mic.ConvergenceBenchmark;
import io.podidentity.bench.nmi.TokenPathBenchmark;
import io.podidentity.bench.planner.PlannerRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the benchmarks of issue 8 one after the other and writes {@code report.md} and {@code report.json}:
 * {@code BenchMain [--mode full|smoke] [--out DIR] [--only nmi,mic,planner]}. A part that fails is recorded in its
 * section and the run goes on; the exit status is then 1.
 */
public final class BenchMain {
  /** Informers and the leader elector log their interruption at SEVERE whenever a MIC under test is closed; the
   * loggers are held so that the level sticks. */
  private static final List<Logger> QUIET = List.of(Logger.getLogger("io.kubernetes.client.informer"),
      Logger.getLogger("io.kubernetes.client.extended.leaderelection"));

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(run(args).failures().isEmpty() ? 0 : 1);
  }

  /** What a run produced: the report and the parts that failed. */
  public record Outcome(Report report, List<String> failures) {}

  public static Outcome run(String... args) {
    String mode = "full";
    Path out = Path.of("target/bench");
    List<String> only = List.of("nmi", "mic", "planner");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--mode" -> mode = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        case "--only" -> only = List.of(args[++i].split(","));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: BenchMain [--mode full|smoke] [--out DIR] [--only nmi,mic,planner]");
      }
    }
    BenchMode sizes = BenchMode.named(mode);
    // the Azure SDK sets Content-Length itself; without this the JDK client warns on every ARM request (as MicProcessIT)
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "content-length");
    Logger.getLogger("").setLevel(Level.WARNING);
    QUIET.forEach(logger -> logger.setLevel(Level.OFF));
    Report report = new Report(mode, Machine.current());
    Path logs = directories(out);
    List<String> failures = new ArrayList<>();
    if (only.contains("nmi")) {
      part("nmi", TokenPathBenchmark.TOKEN, report, failures, out,
          () -> new TokenPathBenchmark(sizes.nmi(), report, logs).run());
    }
    if (only.contains("mic")) {
      part("mic", ConvergenceBenchmark.SECTION, report, failures, out,
          () -> new ConvergenceBenchmark(sizes.mic(), report).run());
    }
    if (only.contains("planner")) {
      part("planner", PlannerRun.SECTION, report, failures, out, () -> PlannerRun.run(sizes.planner(), report));
    }
    report.write(out);
    System.out.println(report.toTable());
    System.out.println("report: " + out.resolve("report.md") + " and report.json");
    failures.forEach(f -> System.out.println("FAILED: " + f));
    return new Outcome(report, failures);
  }

  private static void part(String name, String section, Report report, List<String> failures, Path out,
      Runnable body) {
    long start = System.nanoTime();
    try {
      body.run();
    } catch (RuntimeException e) {
      report.section(section, section);
      report.note(section, "failed: " + e);
      failures.add(name + ": " + e);
      e.printStackTrace();
    }
    report.write(out);
    System.out.printf("%s done in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
  }

  private static Path directories(Path out) {
    try {
      return Files.createDirectories(out.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
