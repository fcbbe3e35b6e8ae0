package io.podidentity.azuresim;

import io.podidentity.azuresim.seed.SeedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Azure simulator standalone (the sandbox and {@code make azure-sim}): starts it, seeds it (the given seed
 * file, else the bundled demo world, unless {@code --empty}), writes the client files to {@code --out}, prints the
 * endpoints and serves until interrupted.
 */
public final class AzureSimMain {
  private static final String USAGE = "usage: azure-sim [--out DIR] [--seed FILE | --empty] [--host ADDR] "
      + "[--extra-host HOST]... [--arm-port N] [--aad-port N] [--admin-port N] [--throttling] [--no-imds-limits]";

  private AzureSimMain() {}

  /** The parsed command line. */
  record Arguments(Path out, Path seed, boolean empty, AzureSimOptions options) {}

  public static void main(String[] args) throws InterruptedException {
    Arguments arguments;
    try {
      arguments = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    AzureSimulator sim = AzureSimulator.start(arguments.options());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sim.close();
      stopped.countDown();
    }, "azure-sim-shutdown"));
    if (arguments.seed() != null) {
      SeedFile.apply(sim.world(), arguments.seed());
    } else if (!arguments.empty()) {
      SeedFile.apply(sim.world(), bundledSeed());
    }
    Map<String, String> vars = sim.writeClientFiles(arguments.out());
    System.out.println("Azure simulator running; client files in " + arguments.out().toAbsolutePath());
    vars.forEach((k, v) -> System.out.println(k + "=" + v));
    System.out.println("Press Ctrl-C to stop.");
    stopped.await();
  }

  static Arguments parse(String[] args) {
    Path out = Path.of("target", "azure-sim");
    Path seed = null;
    boolean empty = false;
    AzureSimOptions.Builder options = AzureSimOptions.builder();
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      switch (flag) {
        case "--out" -> out = Path.of(value(flag, rest));
        case "--seed" -> seed = Path.of(value(flag, rest));
        case "--empty" -> empty = true;
        case "--host" -> options.bindHost(value(flag, rest));
        case "--extra-host" -> options.extraHost(value(flag, rest));
        case "--arm-port" -> options.armPort(Integer.parseInt(value(flag, rest)));
        case "--aad-port" -> options.aadPort(Integer.parseInt(value(flag, rest)));
        case "--admin-port" -> options.adminPort(Integer.parseInt(value(flag, rest)));
        case "--throttling" -> options.throttling(true);
        case "--no-imds-limits" -> options.imdsLimits(false);
        default -> throw new IllegalArgumentException("unknown argument " + flag);
      }
    }
    if (seed != null && empty) {
      throw new IllegalArgumentException("--seed and --empty exclude each other");
    }
    return new Arguments(out, seed, empty, options.build());
  }

  private static String value(String flag, List<String> rest) {
    if (rest.isEmpty()) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return rest.remove(0);
  }

  private static String bundledSeed() {
    try (InputStream in = AzureSimMain.class.getResourceAsStream("/azuresim/example-seed.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled seed", e);
    }
  }
}
