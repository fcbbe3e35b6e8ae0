package io.podidentity.system.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A program the sandbox or a system test started, with its output in a log file. Stopping sends SIGTERM and waits,
 * so that NMI removes its rules and the simulators close their ports; only a process that ignores it is killed.
 */
public final class ChildProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} with only {@code environment} and the basics (PATH, HOME, LANG, TZ, TMPDIR), so that a
   * developer's KUBECONFIG or AZURE_* variables cannot leak into the programs.
   */
  public static ChildProcess startClean(String name, List<String> command, Map<String, String> environment,
      Path log) {
    Map<String, String> env = new java.util.HashMap<>();
    for (String keep : List.of("PATH", "HOME", "LANG", "TZ", "TMPDIR", "USER")) {
      String value = System.getenv(keep);
      if (value != null) {
        env.put(keep, value);
      }
    }
    env.putAll(environment);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().clear();
    builder.environment().putAll(env);
    try {
      return new ChildProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /** {@code java} of this JVM's installation, followed by {@code arguments}. */
  public static List<String> java(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(arguments));
    return command;
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the log holds {@code text}; fails early, with the log's tail, if the process ends. */
  public void awaitLog(String text, Duration atMost) {
    Instant deadline = Instant.now().plus(atMost);
    while (Instant.now().isBefore(deadline)) {
      if (output().contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " ended with status " + process.exitValue() + ":\n" + tail(30));
      }
      Pause.millis(100);
    }
    throw new IllegalStateException(name + " did not print '" + text + "' within " + atMost.toSeconds() + "s:\n"
        + tail(30));
  }

  /** Waits for the process to end by itself; its exit status. */
  public int awaitExit(Duration atMost) {
    try {
      if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not end within " + atMost.toSeconds() + "s:\n" + tail(30));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String output() {
    try {
      return Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  public String tail(int lines) {
    List<String> all = output().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** Resident memory in MiB (VmRSS), if the process still runs. */
  public Optional<Long> residentMib() {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
          .filter(l -> l.startsWith("VmRSS:")).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** SIGTERM, then up to 20 s for the process to end (NMI removes its rules in that time), then SIGKILL. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
