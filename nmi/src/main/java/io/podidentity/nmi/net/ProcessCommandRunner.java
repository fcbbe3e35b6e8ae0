package io.podidentity.nmi.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as child processes, optionally behind a prefix (tests put {@code ip netns exec <ns>} there so that
 * iptables only ever touches a namespace they created). Output is read concurrently; a command that outlives its
 * timeout is killed and reported as failed.
 */
public final class ProcessCommandRunner implements CommandRunner {
  private final List<String> prefix;
  private final List<Path> searchPath;

  public ProcessCommandRunner(List<String> prefix) {
    this.prefix = List.copyOf(prefix);
    String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    List<Path> dirs = new ArrayList<>();
    for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
      if (!dir.isBlank()) {
        dirs.add(Path.of(dir));
      }
    }
    this.searchPath = List.copyOf(dirs);
  }

  @Override
  public Result run(List<String> command, Duration timeout) {
    List<String> full = new ArrayList<>(prefix);
    full.addAll(command);
    try {
      Process process = new ProcessBuilder(full).start();
      process.getOutputStream().close();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "", "timed out after " + timeout.toMillis() + " ms");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      return new Result(-1, "", "cannot run " + command.getFirst() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "", "interrupted");
    }
  }

  @Override
  public boolean available(String program) {
    return searchPath.stream().anyMatch(dir -> Files.isExecutable(dir.resolve(program)));
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }, task -> Thread.ofVirtual().start(task));
  }
}
