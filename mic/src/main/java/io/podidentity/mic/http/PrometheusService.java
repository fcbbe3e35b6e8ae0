package io.podidentity.mic.http;

import io.helidon.microprofile.server.RoutingName;
import io.helidon.microprofile.server.RoutingPath;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.podidentity.mic.metrics.MicMetrics;
import io.podidentity.runtime.metrics.MetricsRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code /metrics} in Prometheus text on the metrics socket ({@code --prometheus-port}), as the original served it. */
@ApplicationScoped
@RoutingPath("/metrics")
@RoutingName(value = "metrics", required = true)
public class PrometheusService implements HttpService {
  private final MicMetrics metrics;

  @Inject
  public PrometheusService(MicMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/", (req, res) -> {
      res.header("Content-Type", MetricsRegistry.CONTENT_TYPE);
      res.send(metrics.scrape());
    });
  }
}
