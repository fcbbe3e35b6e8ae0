package io.podidentity.nmi.testing;

import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Points every NMI a test starts at {@link TestWorld}'s fake IMDS on loopback (discovered by MicroProfile Config);
 * a test class needing another upstream adds a source with a higher ordinal.
 */
public final class TestWorldConfig implements ConfigSourceProvider {
  @Override
  public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
    return List.of(TestWorld.imdsConfig());
  }
}
