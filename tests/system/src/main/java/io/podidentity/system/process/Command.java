package io.podidentity.system.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A short command run to its end with a time limit: its exit status and its output (stdout and stderr together). */
public record Command(List<String> argv, int status, String output) {
  public static Command run(Duration atMost, List<String> argv) {
    return run(atMost, argv, null);
  }

  /** Runs {@code argv}, writing {@code stdin} (when not null) to its input. */
  public static Command run(Duration atMost, List<String> argv, String stdin) {
    try {
      Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
      if (stdin != null) {
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      process.getOutputStream().close();
      byte[][] out = new byte[1][];
      Thread reader = Thread.ofVirtual().start(() -> {
        try {
          out[0] = process.getInputStream().readAllBytes();
        } catch (IOException e) {
          out[0] = new byte[0];
        }
      });
      if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        throw new IllegalStateException("timed out after " + atMost.toSeconds() + "s: " + argv);
      }
      reader.join(5000);
      return new Command(List.copyOf(argv), process.exitValue(),
          out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + argv, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Throws, with the output, unless the command succeeded. */
  public Command orThrow() {
    if (status != 0) {
      throw new IllegalStateException(String.join(" ", argv) + " exited " + status + ": " + output.strip());
    }
    return this;
  }
}
