package io.podidentity.runtime.boot;

import io.podidentity.runtime.config.Flag;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.Config;

/**
 * What {@link ProgramLauncher} needs to know about MIC or NMI: its name, the original's flags, the original's
 * environment variables (mapped onto keys), and a check that builds the program's settings from configuration and
 * throws {@link io.podidentity.runtime.config.InvalidConfigurationException} when a value is bad.
 */
public record Program(
    String name, String version, List<Flag> flags, Map<String, String> environmentAliases, Consumer<Config> check) {

  public Program {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    flags = List.copyOf(flags);
    environmentAliases = Map.copyOf(environmentAliases);
    Objects.requireNonNull(check, "check");
  }
}
