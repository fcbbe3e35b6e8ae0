package io.podidentity.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
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
        sources.add(new MapConfigSource("defaults:" + file, load(url), DEFAULTS_ORDINAL));
      }
    }
    return sources;
  }

  private static Map<String, String> load(URL url) {
    Properties properties = new Properties();
    try (InputStream in = url.openStream()) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configuration defaults " + url, e);
    }
    Map<String, String> map = new TreeMap<>();
    properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
    return map;
  }

  /** An immutable map served as a config source. */
  record MapConfigSource(String name, Map<String, String> values, int ordinal) implements ConfigSource {
    MapConfigSource {
      values = Map.copyOf(values);
    }

    @Override
    public Set<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
      return values.get(propertyName);
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public int getOrdinal() {
      return ordinal;
    }

    @Override
    public Map<String, String> getProperties() {
      return values;
    }
  }
}
