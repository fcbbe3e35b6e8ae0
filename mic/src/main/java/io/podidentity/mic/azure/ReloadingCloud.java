package io.podidentity.mic.azure;

import io.podidentity.mic.config.MicSettings;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The current cloud connection and what is built on it (the ARM clients), replaced when azure.json changes. A
 * reload that fails keeps the previous connection and is logged once until one succeeds again, so a half-written
 * file or a bad secret never takes MIC down.
 *
 * @param <T> what is built from a connection
 */
public final class ReloadingCloud<T> {
  private static final Logger LOG = Logger.getLogger(ReloadingCloud.class.getName());

  private final MicSettings.AzureSettings settings;
  private final Function<CloudConnection, T> build;
  private final AtomicReference<Connected<T>> current = new AtomicReference<>();
  private final AtomicBoolean failing = new AtomicBoolean();

  /** A connection and what was built on it. */
  public record Connected<T>(CloudConnection connection, T built) {}

  /** Connects at once; a failure here is a start-up failure and is thrown. */
  public ReloadingCloud(MicSettings.AzureSettings settings, Function<CloudConnection, T> build) {
    this.settings = settings;
    this.build = build;
    current.set(connect());
    LOG.info(() -> "connect to cloud " + current.get().connection().environment().name() + " as "
        + current.get().connection().config().authenticationMode());
  }

  public Connected<T> current() {
    return current.get();
  }

  public AzureConfig config() {
    return current.get().connection().config();
  }

  /** Reads the configuration again; keeps the old connection when that fails. Returns whether it was replaced. */
  public boolean reload() {
    try {
      Connected<T> fresh = connect();
      current.set(fresh);
      failing.set(false);
      LOG.info(() -> "reload cloud configuration: " + fresh.connection().config());
      return true;
    } catch (RuntimeException e) {
      if (!failing.getAndSet(true)) {
        LOG.warning(() -> "failed to reload cloud configuration, keeping the previous one, error: " + e.getMessage());
      }
      return false;
    }
  }

  private Connected<T> connect() {
    CloudConnection connection = CloudConnection.connect(settings);
    return new Connected<>(connection, build.apply(connection));
  }
}
