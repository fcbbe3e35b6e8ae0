package io.podidentity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.podidentity.bench.Report.Figure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark in smoke mode (tiny sizes, the same code paths) and checks that the report has every section
 * with plausible figures. Timings are reported, never asserted: only counts and shapes are checked here.
 */
class BenchSmokeTest {
  private static final Path OUT = Path.of("target/bench-smoke");
  private static BenchMain.Outcome outcome;

  @BeforeAll
  static void runSmoke() {
    outcome = BenchMain.run("--mode", "smoke", "--out", OUT.toString());
  }

  @Test
  void everyPartRunsToTheEnd() {
    assertThat(outcome.failures()).isEmpty();
  }

  @Test
  void writesBothReportsWithEverySection() throws Exception {
    JsonObject json = JsonParser.parseString(Files.readString(OUT.resolve("report.json"))).getAsJsonObject();
    assertThat(json.getAsJsonObject("sections").keySet())
        .containsExactly("nmi_token_path", "nmi_footprint", "mic_convergence", "planner");
    assertThat(json.getAsJsonObject("machine").get("cores").getAsInt()).isPositive();
    assertThat(Files.readString(OUT.resolve("report.md"))).contains("## NMI token path", "## NMI footprint",
        "## MIC convergence", "## Planner cost (JMH)");
  }

  @Test
  void tokenPathFiguresArePlausible() {
    Map<String, Double> f = figures("nmi_token_path");
    assertThat(f).containsKeys("cached_100rps_p99", "cached_1000rps_p99", "nmi_saturation_throughput",
        "floor_saturation_throughput", "cold_p50", "direct_imds_p50", "cached_throughput_vs_floor",
        "cold_p50_over_direct_imds");
    assertThat(f.get("herd_upstream_calls")).as("single flight").isEqualTo(1.0);
    assertThat(f.get("cold_upstream_per_key")).isEqualTo(1.0);
    assertThat(f.get("cached_1000rps_p99")).isPositive();
    assertThat(f.get("nmi_saturation_throughput")).isPositive();
    assertThat(f.get("direct_imds_p50")).as("IMDS answers after its latency").isGreaterThanOrEqualTo(20.0);
  }

  @Test
  void footprintFiguresArePlausible() {
    Map<String, Double> f = figures("nmi_footprint");
    assertThat(f).containsOnlyKeys("start_to_ready", "rss_after_start", "rss_after_warm_up",
        "rss_under_load");
    assertThat(f.values()).allSatisfy(v -> assertThat(v).isPositive());
  }

  @Test
  void micConvergesAndReleasesInBothVariants() {
    Map<String, Double> f = figures("mic_convergence");
    for (String variant : List.of("improved", "baseline")) {
      assertThat(f.get(variant + "_assigned")).as(variant).isEqualTo(40.0);
      assertThat(f.get(variant + "_arm_writes")).as(variant).isGreaterThanOrEqualTo(f.get("minimum_arm_writes"));
      assertThat(f.get(variant + "_released")).as(variant).isEqualTo(f.get("pods_deleted"));
      assertThat(f).containsKeys(variant + "_time_to_assigned", variant + "_quiet_arm_calls",
          variant + "_quiet_arm_writes", variant + "_quiet_api_writes");
      assertThat(f.get(variant + "_drain_seconds")).as(variant + " drained").isNotNaN();
    }
  }

  @Test
  void plannerFiguresCoverEverySize() {
    Map<String, Double> f = figures("planner");
    assertThat(f).containsKeys("fresh_1000_per_pod", "settled_1000_per_pod", "fresh_1000_alloc_per_pod");
    assertThat(f.get("fresh_1000_per_pod")).isPositive();
    assertThat(f.get("fresh_1000_alloc_per_pod")).isPositive();
  }

  private static Map<String, Double> figures(String section) {
    Report.Section s = outcome.report().sections().get(section);
    assertThat(s).as(section).isNotNull();
    assertThat(s.figures()).as(section).isNotEmpty();
    return s.figures().stream().collect(java.util.stream.Collectors.toMap(Figure::name, Figure::value));
  }
}
