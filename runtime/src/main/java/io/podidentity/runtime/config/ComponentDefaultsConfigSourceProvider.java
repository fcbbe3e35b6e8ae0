package io.podidentity.runtime.config;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Serves {@code mic.properties} and {@code nmi.properties} (copied into the jars from {@code src-config/}) as the
 * programs' defaults, at the ordinal MP Config gives {@code microprofile-config.properties}, so environment
 * variables and system properties override them.
 */
public final class ComponentDefaultsConfigSourceProvider implements ConfigSourceProvider {
  static final int DEFAULTS_ORDINAL = 100;
  private static final List<String> COMPONENT_FILES = List.of("mic.properties", "nmi.properties");

  @Override
  public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
    List<ConfigSource> sources = new ArrayList<>();
    for (String file : COMPONENT_FILES) {
      URL url = forClassLoader.getResource(file);
      if (url != null) {
        sources.add(MapConfigSource.ofProperties("defaults:" + file, url, DEFAULTS_ORDINAL));
      }
    }
    return sources;
  }
}
