package io.podidentity.runtime.boot;

import io.helidon.microprofile.server.Server;
import io.podidentity.runtime.config.CommandLine;
import io.podidentity.runtime.config.ConfigSources;
import io.podidentity.runtime.config.InvalidConfigurationException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * Starts MIC or NMI: parses the original's flags, layers the configuration sources (jar defaults, the mounted
 * ConfigMap file, environment variables, system properties, flags), refuses to start with a message naming every
 * bad key and value, then boots Helidon MP with that configuration.
 */
public final class ProgramLauncher {
  /** Exit status for a refused start-up, as Go's flag package uses for usage errors. */
  public static final int EXIT_USAGE = 2;

  private ProgramLauncher() {}

  public static void launch(Program program, String[] args) {
    Outcome outcome = prepare(program, args, System.getenv());
    switch (outcome) {
      case Outcome.PrintVersion v -> {
        System.out.println(program.name() + " " + program.version());
        System.exit(0);
      }
      case Outcome.Refused refused -> {
        refused.print(System.err, program);
        System.exit(EXIT_USAGE);
      }
      case Outcome.Ready ready -> {
        ConfigProviderResolver.instance().registerConfig(ready.config(), Thread.currentThread().getContextClassLoader());
        Server.builder().config(ready.config()).build().start();
      }
    }
  }

  /** What start-up decided, before anything is started. */
  public sealed interface Outcome {
    record PrintVersion() implements Outcome {}

    record Refused(java.util.List<String> problems) implements Outcome {
      void print(PrintStream err, Program program) {
        err.println(program.name() + ": refusing to start, invalid configuration:");
        problems.forEach(p -> err.println("  " + p));
      }
    }

    record Ready(Config config) implements Outcome {}
  }

  /** Parses, layers and checks configuration without starting anything (tests call this directly). */
  public static Outcome prepare(Program program, String[] args, Map<String, String> environment) {
    if (Arrays.asList(args).contains("--version") || Arrays.asList(args).contains("-version")) {
      return new Outcome.PrintVersion();
    }
    CommandLine.Result parsed = new CommandLine(program.flags()).parse(args);
    if (parsed instanceof CommandLine.Result.Invalid invalid) {
      return new Outcome.Refused(invalid.problems());
    }
    Map<String, String> flagValues = ((CommandLine.Result.Parsed) parsed).values();
    Config config = ConfigSources.build(program.name(), flagValues, program.environmentAliases(), environment,
        configDirectory(environment));
    try {
      program.check().accept(config);
    } catch (InvalidConfigurationException e) {
      return new Outcome.Refused(e.problems());
    } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
      return new Outcome.Refused(java.util.List.of(String.valueOf(e.getMessage())));
    }
    return new Outcome.Ready(config);
  }

  private static Path configDirectory(Map<String, String> environment) {
    return Path.of(environment.getOrDefault(ConfigSources.CONFIG_DIR_VARIABLE, ConfigSources.DEFAULT_CONFIG_DIR));
  }
}
