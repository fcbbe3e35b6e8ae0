package io.podidentity.nmi;

import io.podidentity.nmi.config.NmiSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Applies the logging settings and starts NMI once the container is up (the HTTP server starts with it). */
@ApplicationScoped
public class NmiLifecycle {
  private static final Logger LOG = Logger.getLogger(NmiLifecycle.class.getName());

  private final NmiRuntime runtime;
  private final NmiSettings settings;

  @Inject
  public NmiLifecycle(NmiRuntime runtime, NmiSettings settings) {
    this.runtime = runtime;
    this.settings = settings;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    NmiLogging.apply(settings.log());
    if (settings.log().enableProfile()) {
      LOG.info("ignore --enableProfile: the JVM has no pprof endpoint; use Java Flight Recorder instead");
    }
    LOG.info(() -> "configure nmi node=" + settings.node() + " mode=" + settings.policy().mode()
        + " namespaced=" + settings.policy().forceNamespaced() + " scaleFeatures="
        + settings.kubernetes().scaleFeatures() + " manageIptables=" + settings.rules().manage());
    runtime.start();
  }
}
