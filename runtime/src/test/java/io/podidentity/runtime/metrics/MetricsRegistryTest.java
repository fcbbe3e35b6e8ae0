package io.podidentity.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {
  private final MetricsRegistry registry = new MetricsRegistry("aadpodidentity_");

  @Test
  void rendersCountersUnderTheOriginalNames() {
    Counter cycles = registry.counter("mic_cycle_count", "Number of sync cycles");
    cycles.inc();
    cycles.inc();
    registry.counter("cloud_provider_operations_errors_count", "ARM errors", "operation_type")
        .labels("vmss_update").inc(3);
    assertThat(registry.scrape()).contains("""
        # HELP aadpodidentity_mic_cycle_count Number of sync cycles
        # TYPE aadpodidentity_mic_cycle_count counter
        aadpodidentity_mic_cycle_count 2
        """).contains("aadpodidentity_cloud_provider_operations_errors_count{operation_type=\"vmss_update\"} 3\n");
  }

  @Test
  void rendersHistogramsWithCumulativeBuckets() {
    Histogram h = registry.histogram("mic_cycle_duration_seconds", "Cycle time", new double[] {0.5, 1, 5});
    h.observe(Duration.ofMillis(200));
    h.observe(Duration.ofMillis(700));
    h.observe(Duration.ofSeconds(9));
    assertThat(registry.scrape()).contains("""
        aadpodidentity_mic_cycle_duration_seconds_bucket{le="0.5"} 1
        aadpodidentity_mic_cycle_duration_seconds_bucket{le="1"} 2
        aadpodidentity_mic_cycle_duration_seconds_bucket{le="5"} 2
        aadpodidentity_mic_cycle_duration_seconds_bucket{le="+Inf"} 3
        aadpodidentity_mic_cycle_duration_seconds_sum 9.9
        aadpodidentity_mic_cycle_duration_seconds_count 3
        """);
  }

  @Test
  void escapesLabelValuesAndRefusesWrongArity() {
    Gauge g = registry.gauge("nmi_token_cache_entries", "Entries", "namespace");
    g.labels("a\"b").set(4);
    assertThat(registry.scrape()).contains("aadpodidentity_nmi_token_cache_entries{namespace=\"a\\\"b\"} 4\n");
    assertThatThrownBy(() -> g.labels()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.gauge("nmi_token_cache_entries", "again"))
        .isInstanceOf(IllegalStateException.class);
  }
}
