package io.podidentity.bench.nmi;

import io.podidentity.bench.Machine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server JVM started as its own process with the NMI DaemonSet's JVM settings (nmi's Dockerfile), its memory
 * limit stood in for by {@code -XX:MaxRAM} since nothing here runs in a container. Knows its resident memory and
 * how long it took to become ready.
 */
final class JvmProcess implements AutoCloseable {
  /** The Dockerfile's JVM_FLAGS, and the DaemonSet's 256 MiB memory limit as the RAM the JVM sizes itself for. */
  static final List<String> DAEMONSET_FLAGS = List.of("-XX:+UseSerialGC", "-XX:InitialRAMPercentage=5",
      "-XX:MaxRAMPercentage=55", "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=128m",
      "-XX:ReservedCodeCacheSize=48m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-XX:MaxRAM=256m");

  private final Process process;
  private final long startedNanos;
  private final Path log;

  private JvmProcess(Process process, long startedNanos, Path log) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.log = log;
  }

  /** Starts {@code java <arguments>} with the DaemonSet flags in JAVA_TOOL_OPTIONS, as the image sets them. */
  static JvmProcess start(List<String> arguments, Map<String, String> environment, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", DAEMONSET_FLAGS));
    builder.environment().putAll(environment);
    try {
      long started = System.nanoTime();
      return new JvmProcess(builder.start(), started, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls {@code url} every 5 ms until it answers 200; returns the time from process start. */
  Duration awaitReady(URI url, Duration atMost) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the process ended with " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(1)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(5);
    }
    throw new IllegalStateException(url + " not ready within " + atMost + "; see " + log);
  }

  /** Resident set size in MiB, from {@code /proc/<pid>/status} (VmRSS). */
  double residentMib() {
    return Machine.line(Path.of("/proc", Long.toString(process.pid()), "status"), "VmRSS:")
        .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0).orElse(Double.NaN);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
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
