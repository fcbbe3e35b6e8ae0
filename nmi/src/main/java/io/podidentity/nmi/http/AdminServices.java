package io.podidentity.nmi.http;

import io.helidon.microprofile.server.RoutingName;
import io.helidon.microprofile.server.RoutingPath;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpService;
import io.podidentity.nmi.NmiRuntime;
import io.podidentity.nmi.metrics.NmiMetrics;
import io.podidentity.runtime.metrics.MetricsRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * What NMI serves besides IMDS, never on the token socket: the original's {@code /healthz} on the admin socket
 * ({@code --http-probe-port}; always 200, {@code Active} once the first iptables sync, and conntrack deletion when
 * enabled, is done), and {@code /metrics} on the metrics socket ({@code --prometheus-port}) and on the admin socket,
 * where the DaemonSet's {@code prometheus.io/port} annotation points.
 */
@ApplicationScoped
public class AdminServices {

  @Produces
  @RoutingName(value = "admin", required = true)
  @RoutingPath("/healthz")
  HttpService healthz(NmiRuntime runtime) {
    return rules -> rules.get("/", (req, res) -> {
      res.header("Content-Type", "text/plain; charset=utf-8");
      res.send(runtime.rules().active() ? "Active" : "Not Active");
    });
  }

  @Produces
  @RoutingName(value = "metrics", required = true)
  @RoutingPath("/metrics")
  HttpService metrics(NmiMetrics metrics) {
    return rules -> rules.get("/", scrape(metrics));
  }

  @Produces
  @RoutingName(value = "admin", required = true)
  @RoutingPath("/metrics")
  HttpService adminMetrics(NmiMetrics metrics) {
    return rules -> rules.get("/", scrape(metrics));
  }

  private static Handler scrape(NmiMetrics metrics) {
    return (req, res) -> {
      res.header("Content-Type", MetricsRegistry.CONTENT_TYPE);
      res.send(metrics.scrape());
    };
  }
}
