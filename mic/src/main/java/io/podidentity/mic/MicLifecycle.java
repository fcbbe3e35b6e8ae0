package io.podidentity.mic;

import io.podidentity.mic.config.MicSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Applies the logging settings and starts MIC once the container is up (the HTTP server starts with it). */
@ApplicationScoped
public class MicLifecycle {
  private final MicRuntime runtime;
  private final MicSettings settings;

  @Inject
  public MicLifecycle(MicRuntime runtime, MicSettings settings) {
    this.runtime = runtime;
    this.settings = settings;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    LogSetup.apply(settings.log());
    runtime.start();
  }
}
