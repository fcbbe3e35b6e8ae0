package io.podidentity.nmi.testing;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.podidentity.nmi.NmiRuntime;
import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import io.podidentity.runtime.config.MapConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * What the component tests share with the NMI they start: one fake cluster, one fake IMDS (whose port reaches NMI's
 * configuration as system properties, before any container starts) and one fake command runner; each test resets
 * them. Also the ports of the running NMI's sockets.
 */
public final class TestWorld {
  public static final FakeCluster CLUSTER = new FakeCluster();
  public static final FakeImds IMDS = startImds();
  public static final FakeCommands COMMANDS = new FakeCommands();

  private TestWorld() {}

  /** The fake IMDS's address for NMI's configuration, above the files and below the flags (see {@link TestWorldConfig}). */
  public static ConfigSource imdsConfig() {
    return new MapConfigSource("test world", Map.of("nmi.metadata-ip", "127.0.0.1",
        "nmi.metadata-port", Integer.toString(IMDS.port())), 450);
  }

  /** Empties the fakes and NMI's token cache (which outlives a test within one container). */
  public static void reset() {
    CLUSTER.reset();
    IMDS.reset();
    COMMANDS.reset();
    try {
      runtime().tokens().cache().invalidate(key -> true);
    } catch (IllegalStateException noContainerYet) {
      // The first test of a class runs before Helidon starts the container: its cache is still empty.
    }
  }

  public static NmiRuntime runtime() {
    return CDI.current().select(NmiRuntime.class).get();
  }

  /** The token socket's port. */
  public static int imdsPort() {
    return CDI.current().getBeanManager().getExtension(ServerCdiExtension.class).port();
  }

  public static int port(String socket) {
    return CDI.current().getBeanManager().getExtension(ServerCdiExtension.class).port(socket);
  }

  /** Empties the world before each test. */
  public static final class Reset implements org.junit.jupiter.api.extension.BeforeEachCallback {
    @Override
    public void beforeEach(org.junit.jupiter.api.extension.ExtensionContext context) {
      reset();
    }
  }

  private static FakeImds startImds() {
    try {
      return new FakeImds();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
