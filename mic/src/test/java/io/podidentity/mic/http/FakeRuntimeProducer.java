package io.podidentity.mic.http;

import io.podidentity.mic.MicRuntime;
import io.podidentity.mic.config.MicSettings;
import io.podidentity.mic.metrics.MicMetrics;
import io.podidentity.mic.testing.FakeMic;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Replaces the real runtime with one on fakes that wins leadership at once. */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeRuntimeProducer {
  @Produces
  @Singleton
  public MicRuntime runtime(MicSettings settings, MicMetrics metrics) {
    return new FakeMic(true, metrics, settings).runtime;
  }
}
