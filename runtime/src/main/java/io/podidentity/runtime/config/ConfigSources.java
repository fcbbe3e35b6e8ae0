package io.podidentity.runtime.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * The layers of configuration, lowest first: the jar's defaults from {@code src-config/} (100), the ConfigMap
 * file mounted at {@code <dir>/<program>.properties} (200), environment variables by MP Config's mapping and the
 * original's own variable names (300), system properties (400), the original's command-line flags (500).
 */
public final class ConfigSources {
  public static final String CONFIG_DIR_VARIABLE = "PODIDENTITY_CONFIG_DIR";
  public static final String DEFAULT_CONFIG_DIR = "/etc/podidentity";
  static final int FILE_ORDINAL = 200;
  static final int ENVIRONMENT_ORDINAL = 300;
  static final int FLAGS_ORDINAL = 500;

  private ConfigSources() {}

  public static Config build(String program, Map<String, String> flags, Map<String, String> aliases,
      Map<String, String> environment, Path configDirectory) {
    var builder = ConfigProviderResolver.instance().getBuilder()
        .addDefaultSources()
        .addDiscoveredSources()
        .addDiscoveredConverters()
        .withSources(new MapConfigSource("command-line flags", flags, FLAGS_ORDINAL))
        .withSources(new MapConfigSource("environment variables of the original", aliased(aliases, environment),
            ENVIRONMENT_ORDINAL));
    Path file = configDirectory.resolve(program + ".properties");
    if (Files.isRegularFile(file)) {
      builder.withSources(MapConfigSource.ofProperties("file " + file, toUrl(file), FILE_ORDINAL));
    }
    return builder.build();
  }

  /**
   * A lookup for {@link SettingsReader} that reports the source of each value. It asks the sources itself, highest
   * ordinal first, because MicroProfile Config treats an empty value as "not set": here a key set to the empty
   * string (say, a default that is empty on purpose) reads as empty, and only a key no source names is missing.
   */
  public static java.util.function.Function<String, Optional<RawValue>> lookup(Config config) {
    return key -> {
      for (ConfigSource source : config.getConfigSources()) {
        String value = source.getValue(key);
        if (value != null) {
          return Optional.of(new RawValue(value, describe(source.getName())));
        }
      }
      return Optional.empty();
    };
  }

  private static String describe(String sourceName) {
    if (sourceName == null) {
      return "unknown source";
    }
    if (sourceName.startsWith("defaults:")) {
      return "defaults " + sourceName.substring("defaults:".length());
    }
    return sourceName.contains("EnvironmentVariables") ? "environment variables"
        : sourceName.contains("SystemProperties") ? "system properties" : sourceName;
  }

  private static java.net.URL toUrl(Path file) {
    try {
      return file.toUri().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException("bad configuration file path " + file, e);
    }
  }

  private static Map<String, String> aliased(Map<String, String> aliases, Map<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    aliases.forEach((variable, key) -> {
      String value = environment.get(variable);
      if (value != null && !value.isEmpty()) {
        values.put(key, value);
      }
    });
    return values;
  }
}
