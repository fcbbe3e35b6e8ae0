package io.podidentity.nmi.metrics;

import io.podidentity.nmi.token.TokenCache;
import io.podidentity.nmi.token.UpstreamObserver;
import io.podidentity.runtime.metrics.Counter;
import io.podidentity.runtime.metrics.Gauge;
import io.podidentity.runtime.metrics.Histogram;
import io.podidentity.runtime.metrics.MetricsRegistry;
import java.time.Duration;

/**
 * NMI's metrics under the original's names and buckets (§3.10), with bounded labels: {@code operation_type} of
 * {@code nmi_operations_duration_seconds} is a route name instead of the raw path, and {@code resource} keeps at most
 * {@link BoundedLabel#DEFAULT_LIMIT} distinct values. The rest are NMI's own additions, under the same prefix.
 */
public final class NmiMetrics implements UpstreamObserver {
  private static final double[] NMI_BUCKETS =
      {0.5, 1, 2, 3, 4, 5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100};
  private static final double[] IMDS_BUCKETS =
      {0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 2, 3, 4, 5, 10};

  private final MetricsRegistry registry = new MetricsRegistry("aadpodidentity_");
  private final Histogram operations = registry.histogram("nmi_operations_duration_seconds",
      "Duration in seconds of NMI operations", NMI_BUCKETS, "operation_type", "status_code", "namespace", "resource");
  private final Histogram imdsDuration = registry.histogram("imds_operations_duration_seconds",
      "Duration in seconds of IMDS operations", IMDS_BUCKETS, "operation_type");
  private final Counter imdsErrors = registry.counter("imds_operations_errors_count",
      "Count of errors in IMDS operations", "operation_type");
  private final Counter kubernetesErrors = registry.counter("kubernetes_api_operations_errors_count",
      "Count of errors in Kubernetes API operations", "operation_type");
  private final Counter cacheLookups = registry.counter("nmi_token_cache_lookups_count",
      "Token cache lookups by how they were served", "result");
  private final Counter busy = registry.counter("nmi_imds_queue_rejections_count",
      "Token requests refused because the queue in front of IMDS was full");
  private final Gauge waiting = registry.gauge("nmi_waiting_requests",
      "Token requests waiting for their pod or identity");
  private final BoundedLabel resources = new BoundedLabel(BoundedLabel.DEFAULT_LIMIT);

  /** One answered request: its route, status, the pod's namespace (empty when unknown) and resource. */
  public void request(String route, int status, String namespace, String resource, Duration elapsed) {
    operations.labels(route, Integer.toString(status), namespace, resources.of(resource)).observe(elapsed);
  }

  @Override
  public void called(String operation, Duration elapsed, boolean succeeded) {
    if (succeeded) {
      imdsDuration.labels(operation).observe(elapsed);
    } else {
      imdsErrors.labels(operation).inc();
    }
  }

  /** {@code get_pod_list} (a caller's address matched no pod) or {@code get_secret} (a Secret was missing). */
  public void kubernetesError(String operation) {
    kubernetesErrors.labels(operation).inc();
  }

  public void cacheLookup(TokenCache.Lookup lookup) {
    cacheLookups.labels(lookup.name().toLowerCase(java.util.Locale.ROOT)).inc();
  }

  public void queueFull() {
    busy.inc();
  }

  public void waitingRequests(int count) {
    waiting.labels().set(count);
  }

  /** Everything in Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }
}
