package io.podidentity.mic.http;

import io.helidon.microprofile.server.RoutingPath;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.podidentity.mic.MicRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The original's {@code /healthz} on the probe port ({@code --http-probe-port}): always 200, body {@code Active} on
 * the leader once its sync loop runs, {@code Not Active} otherwise, so existing liveness probes keep working.
 */
@ApplicationScoped
@RoutingPath("/healthz")
public class HealthzService implements HttpService {
  private final MicRuntime runtime;

  @Inject
  public HealthzService(MicRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/", (req, res) -> {
      res.header("Content-Type", "text/plain; charset=utf-8");
      res.send(runtime.status().healthz());
    });
  }
}
