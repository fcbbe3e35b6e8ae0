package io.podidentity.runtime.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses arguments the way Go's {@code flag} and {@code pflag} packages accept them ({@code -name},
 * {@code --name}, {@code --name=value}, {@code --name value}; booleans bare or with {@code =value}) and turns the
 * original's flags into configuration keys. Unknown flags and bad booleans are errors that name the argument.
 */
public final class CommandLine {
  private final Map<String, Flag> flags = new LinkedHashMap<>();

  public CommandLine(List<Flag> table) {
    for (Flag flag : table) {
      if (flags.putIfAbsent(flag.name(), flag) != null) {
        throw new IllegalArgumentException("flag --" + flag.name() + " declared twice");
      }
    }
  }

  /** The parsed values by configuration key, or the problems found. */
  public sealed interface Result {
    /** Every argument was understood. */
    record Parsed(Map<String, String> values) implements Result {
      public Parsed {
        values = Map.copyOf(values);
      }
    }

    /** At least one argument was not; nothing is applied. */
    record Invalid(List<String> problems) implements Result {
      public Invalid {
        problems = List.copyOf(problems);
      }
    }
  }

  public Result parse(String... args) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
        problems.add("unexpected argument '" + arg + "': only flags are accepted");
        continue;
      }
      String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      Optional<String> inline = eq < 0 ? Optional.empty() : Optional.of(body.substring(eq + 1));
      Flag flag = flags.get(name);
      if (flag == null) {
        problems.add("unknown flag '" + arg + "'");
        continue;
      }
      switch (flag.kind()) {
        case BOOLEAN -> inline.map(CommandLine::goBool)
            .ifPresentOrElse(
                b -> b.ifPresentOrElse(
                    v -> values.put(flag.key(), v),
                    () -> problems.add("flag --" + name + " takes true or false, not '" + inline.get() + "'")),
                () -> values.put(flag.key(), "true"));
        case VALUE -> {
          if (inline.isPresent()) {
            values.put(flag.key(), inline.get());
          } else if (i + 1 < args.length) {
            values.put(flag.key(), args[++i]);
          } else {
            problems.add("flag --" + name + " needs a value");
          }
        }
        case IGNORED -> {
          if (inline.isEmpty() && i + 1 < args.length && !args[i + 1].startsWith("-")) {
            i++;
          }
        }
      }
    }
    return problems.isEmpty() ? new Result.Parsed(values) : new Result.Invalid(problems);
  }

  /** Go's strconv.ParseBool, normalised to "true"/"false". */
  static Optional<String> goBool(String text) {
    return switch (text) {
      case "1", "t", "T", "true", "TRUE", "True" -> Optional.of("true");
      case "0", "f", "F", "false", "FALSE", "False" -> Optional.of("false");
      default -> Optional.empty();
    };
  }

  /** The flags this command line accepts, for usage messages. */
  public List<Flag> flags() {
    return List.copyOf(flags.values());
  }
}
