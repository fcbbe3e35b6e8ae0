package io.podidentity.runtime.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The metrics of one program, rendered in Prometheus text format under the exact names the original exported
 * (prefix {@code aadpodidentity_}, no unit or {@code _total} suffixes added), so existing dashboards keep working.
 */
public final class MetricsRegistry {
  public static final String CONTENT_TYPE = PrometheusText.CONTENT_TYPE;

  private final String prefix;
  private final Map<String, MetricFamily<?>> families = new ConcurrentSkipListMap<>();

  /** @param prefix prepended to every name, e.g. {@code aadpodidentity_} */
  public MetricsRegistry(String prefix) {
    this.prefix = prefix;
  }

  public Counter counter(String name, String help, String... labelNames) {
    return register(new Counter(prefix + name, help, List.of(labelNames)));
  }

  public Histogram histogram(String name, String help, double[] bucketsSeconds, String... labelNames) {
    return register(new Histogram(prefix + name, help, bucketsSeconds, List.of(labelNames)));
  }

  public Gauge gauge(String name, String help, String... labelNames) {
    return register(new Gauge(prefix + name, help, List.of(labelNames)));
  }

  /** The whole registry in Prometheus text format. */
  public String scrape() {
    StringBuilder out = new StringBuilder(4096);
    families.values().forEach(f -> PrometheusText.family(out, f));
    return out.toString();
  }

  private <T extends MetricFamily<?>> T register(T family) {
    MetricFamily<?> existing = families.putIfAbsent(family.name(), family);
    if (existing != null) {
      throw new IllegalStateException("metric " + family.name() + " registered twice");
    }
    return family;
  }
}
