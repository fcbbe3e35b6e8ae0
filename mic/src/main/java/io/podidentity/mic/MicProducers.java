package io.podidentity.mic;

import io.podidentity.mic.config.MicSettings;
import io.podidentity.mic.config.MicSettingsReader;
import io.podidentity.mic.metrics.MicMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;

/**
 * CDI's view of MIC: the settings from MicroProfile Config, the metrics, and the {@link MicRuntime} built by {@link
 * MicWiring}, closed when the container stops. Losing the lease ends the process with status 1, as the original.
 */
@ApplicationScoped
public class MicProducers {

  @Produces
  @Singleton
  public MicSettings settings(Config config) {
    return MicSettingsReader.read(config);
  }

  @Produces
  @Singleton
  public MicMetrics metrics() {
    return new MicMetrics();
  }

  @Produces
  @Singleton
  public MicRuntime runtime(MicSettings settings, MicMetrics metrics) {
    return MicWiring.connect(settings, System.getenv(), Clock.systemUTC(), metrics, () -> System.exit(1));
  }

  public void close(@Disposes MicRuntime runtime) {
    runtime.close();
  }
}
