package io.podidentity.bench.nmi;

import io.podidentity.bench.BenchMode.NmiSizes;
import io.podidentity.bench.Report;
import io.podidentity.bench.load.HttpConnection;
import io.podidentity.bench.load.LoadGenerator;
import io.podidentity.bench.load.LoadResult;
import io.podidentity.bench.world.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Issue 8 items 1 and 2: NMI as its own process answering 200 pods (distinct loopback addresses) for tokens of
 * user-assigned identities whose IMDS answers after 20 ms, side by side with the floors measured in the same run:
 * a trivial Helidon endpoint with a body of the same size, and the IMDS simulator called directly.
 */
public final class TokenPathBenchmark {
  public static final String TOKEN = "nmi_token_path";
  public static final String FOOTPRINT = "nmi_footprint";
  static final Duration IMDS_LATENCY = Duration.ofMillis(20);
  private static final String QUERY = FloorServer.PATH + "?api-version=2018-02-01&resource=";
  private static final String CACHED = QUERY + "https%3A%2F%2Fvault.azure.net";
  private static final int SATURATION_CALLERS = 32;

  private final NmiSizes sizes;
  private final Report report;
  private final Path logs;

  public TokenPathBenchmark(NmiSizes sizes, Report report, Path logs) {
    this.sizes = sizes;
    this.report = report;
    this.logs = logs;
  }

  public void run() {
    report.section(TOKEN, "NMI token path");
    report.section(FOOTPRINT, "NMI footprint");
    report.note(TOKEN, sizes.pods() + " pods on distinct loopback addresses, " + sizes.identities()
        + " user-assigned identities, IMDS latency " + IMDS_LATENCY.toMillis() + " ms; NMI and the floor server "
        + "run as processes with the DaemonSet's JVM flags; load generator in the benchmark JVM on the same cores.");
    int bodyBytes;
    try (NodeWorld world = new NodeWorld(sizes.pods(), sizes.identities(), IMDS_LATENCY)) {
      bodyBytes = measureNmi(world);
      measureDirectImds(world);
    }
    measureFloor(bodyBytes);
    ratios();
  }

  private int measureNmi(NodeWorld world) {
    int port = JvmProcess.freePort();
    int probe = JvmProcess.freePort();
    try (JvmProcess nmi = startNmi(world, port, probe)) {
      Duration ready = nmi.awaitReady(URI.create("http://127.0.0.1:" + probe + "/health/ready"),
          Duration.ofSeconds(60));
      report.add(FOOTPRINT, "start_to_ready", ready.toMillis(), "ms", "<= 2000",
          "process start until /health/ready answers 200 (no class-data archive, unlike the image)");
      report.add(FOOTPRINT, "rss_after_start", nmi.residentMib(), "MiB", "resident memory (VmRSS) once ready");
      LoadGenerator load = new LoadGenerator(new InetSocketAddress("127.0.0.1", port), world.podIps);
      int bodyBytes = warmUp(world, port);
      load.openLoop(100, sizes.warmUp(), connections(), i -> CACHED);
      report.add(FOOTPRINT, "rss_after_warm_up", nmi.residentMib(), "MiB", "after every pod got a token once");
      try (RssSampler sampler = new RssSampler(nmi)) {
        cached(load);
        saturation("nmi", load);
        cold(world, load);
        herd(world, port);
        report.add(FOOTPRINT, "rss_under_load", sampler.peak(), "MiB", "<= 128",
            "highest resident memory sampled every 100 ms during the load phases");
      }
      return bodyBytes;
    }
  }

  private JvmProcess startNmi(NodeWorld world, int port, int probe) {
    Path config = world.dir.resolve("config");
    Path kubelet = world.dir.resolve("kubelet");
    try {
      Files.createDirectories(config);
      Files.writeString(kubelet, "KUBELET_FLAGS=--network-plugin=cni\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path jar = Workspace.root().resolve("nmi/target/podidentity-nmi-0.1.0-SNAPSHOT.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build NMI first (make build): no " + jar);
    }
    return JvmProcess.start(List.of("-jar", jar.toString(), "--node=" + NodeWorld.NODE,
        "--kubeconfig=" + world.kubeconfig, "--nmi-port=" + port, "--http-probe-port=" + probe,
        "--prometheus-port=" + JvmProcess.freePort(), "--metadata-ip=127.0.0.1",
        "--metadata-port=" + world.imds.getPort(), "--kubelet-config=" + kubelet),
        Map.of("NMI_MANAGE_IPTABLES", "false", "SERVER_SOCKETS_0_HOST", "127.0.0.1",
            "SERVER_SOCKETS_1_HOST", "127.0.0.1", "PODIDENTITY_CONFIG_DIR", config.toString()),
        logs.resolve("nmi.log"));
  }

  /** One token per pod, one pod at a time, so the cache holds every identity's token; returns the body size. */
  private int warmUp(NodeWorld world, int port) {
    int bytes = 0;
    for (String ip : world.podIps) {
      try (HttpConnection pod = new HttpConnection(ip, new InetSocketAddress("127.0.0.1", port))) {
        HttpConnection.Response response = pod.get(CACHED);
        if (response.status() != 200) {
          throw new IllegalStateException("pod " + ip + " got " + response.status() + ": " + response.text());
        }
        bytes = response.body().length;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    report.add(TOKEN, "token_body_bytes", bytes, "bytes", "size of NMI's answer; the floor answers as many");
    return bytes;
  }

  private void cached(LoadGenerator load) {
    for (int rate : sizes.ratesPerSecond()) {
      LoadResult r = load.openLoop(rate, sizes.perRate(), connections(), i -> CACHED);
      latencies("cached_" + rate + "rps", r, rate == 1_000 ? "<= 2" : "", "cached tokens, open loop at " + rate
          + " requests/s");
    }
  }

  private void saturation(String who, LoadGenerator load) {
    LoadResult r = load.closedLoop(sizes.saturation(), SATURATION_CALLERS, i -> CACHED);
    report.add(TOKEN, who + "_saturation_throughput", r.throughput(), "req/s", SATURATION_CALLERS
        + " callers back to back, " + (who.equals("nmi") ? "cached tokens" : "trivial Helidon SE endpoint"));
    report.add(TOKEN, who + "_saturation_p99", r.percentileMillis(99), "ms", "latency at saturation");
  }

  private void cold(NodeWorld world, LoadGenerator load) {
    long before = world.imdsTokenCalls();
    LoadResult r = load.openLoop(sizes.coldRatePerSecond(), coldDuration(), connections(), i -> QUERY
        + "https%3A%2F%2Fcold" + i + ".blob.core.windows.net");
    long upstream = world.imdsTokenCalls() - before;
    latencies("cold", r, "", "a new resource (cache key) per request, open loop at " + sizes.coldRatePerSecond()
        + " requests/s");
    report.add(TOKEN, "cold_upstream_per_key", (double) upstream / Math.max(1, r.ok()), "calls",
        "IMDS calls per distinct key");
  }

  private void herd(NodeWorld world, int port) {
    LoadGenerator pods = new LoadGenerator(new InetSocketAddress("127.0.0.1", port), world.podsOf(0));
    long before = world.imdsTokenCalls();
    LoadResult r = pods.burst(sizes.herd(), i -> QUERY + "https%3A%2F%2Fherd.blob.core.windows.net");
    report.add(TOKEN, "herd_upstream_calls", world.imdsTokenCalls() - before, "calls", "== 1",
        sizes.herd() + " concurrent requests for one cold key (one identity, one resource)");
    report.add(TOKEN, "herd_ok", r.ok(), "requests", "answered 200");
    report.add(TOKEN, "herd_p99", r.percentileMillis(99), "ms", "latency from release");
  }

  private void measureDirectImds(NodeWorld world) {
    String clientId = world.identities.get(0).clientId();
    LoadGenerator direct = new LoadGenerator(new InetSocketAddress("127.0.0.1", world.imds.getPort()),
        List.of("127.0.0.1"));
    LoadResult r = direct.openLoop(sizes.coldRatePerSecond(), coldDuration(), 5, i -> QUERY
        + "https%3A%2F%2Fdirect" + i + ".blob.core.windows.net&client_id=" + clientId);
    latencies("direct_imds", r, "", "the IMDS simulator called directly at the cold rate (what a pod pays without NMI)");
  }

  private void measureFloor(int bodyBytes) {
    int port = JvmProcess.freePort();
    Path log = logs.resolve("floor.log");
    try (JvmProcess floor = JvmProcess.start(List.of("-cp", System.getProperty("java.class.path"),
        FloorServer.class.getName(), Integer.toString(port), Integer.toString(bodyBytes)), Map.of(), log)) {
      floor.awaitReady(URI.create("http://127.0.0.1:" + port + FloorServer.PATH), Duration.ofSeconds(60));
      LoadGenerator load = new LoadGenerator(new InetSocketAddress("127.0.0.1", port), podAddresses());
      load.openLoop(100, sizes.warmUp(), connections(), i -> CACHED);
      for (int rate : sizes.ratesPerSecond()) {
        latencies("floor_" + rate + "rps", load.openLoop(rate, sizes.perRate(), connections(), i -> CACHED), "",
            "trivial Helidon SE endpoint, open loop at " + rate + " requests/s");
      }
      saturation("floor", load);
    }
  }

  private void ratios() {
    var figures = report.sections().get(TOKEN).figures();
    double nmi = value(figures, "nmi_saturation_throughput");
    double floor = value(figures, "floor_saturation_throughput");
    report.add(TOKEN, "cached_throughput_vs_floor", nmi / floor, "ratio", ">= 0.5",
        "NMI's saturation throughput over the trivial endpoint's");
    report.add(TOKEN, "cold_p50_over_direct_imds", value(figures, "cold_p50") - value(figures, "direct_imds_p50"),
        "ms", "<= 1", "NMI's cold p50 minus direct IMDS p50");
  }

  private static double value(List<Report.Figure> figures, String name) {
    return figures.stream().filter(f -> f.name().equals(name)).mapToDouble(Report.Figure::value).findFirst()
        .orElse(Double.NaN);
  }

  private void latencies(String prefix, LoadResult r, String p99Goal, String what) {
    report.add(TOKEN, prefix + "_throughput", r.throughput(), "req/s", what + "; " + r.ok() + " ok, " + r.errors()
        + " errors, " + r.unsent() + " never sent");
    report.add(TOKEN, prefix + "_p50", r.percentileMillis(50), "ms", "from intended send time");
    report.add(TOKEN, prefix + "_p99", r.percentileMillis(99), "ms", p99Goal, "");
    report.add(TOKEN, prefix + "_p99_9", r.percentileMillis(99.9), "ms", "");
  }

  private Duration coldDuration() {
    return Duration.ofMillis(1_000L * sizes.coldRequests() / sizes.coldRatePerSecond());
  }

  private int connections() {
    return Math.min(sizes.pods(), 200);
  }

  private List<String> podAddresses() {
    return java.util.stream.IntStream.range(0, sizes.pods()).mapToObj(p -> "127.77." + (p / 250) + "."
        + (1 + p % 250)).toList();
  }
}
