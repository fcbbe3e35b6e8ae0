package io.podidentity.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** An immutable map served as a MicroProfile config source. */
public record MapConfigSource(String name, Map<String, String> values, int ordinal) implements ConfigSource {
  public MapConfigSource {
    values = Map.copyOf(values);
  }

  /** Reads a properties file; a file that cannot be read is a start-up error naming it. */
  public static MapConfigSource ofProperties(String name, URL url, int ordinal) {
    Properties properties = new Properties();
    try (InputStream in = url.openStream()) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configuration " + url, e);
    }
    Map<String, String> map = new TreeMap<>();
    properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
    return new MapConfigSource(name, map, ordinal);
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
