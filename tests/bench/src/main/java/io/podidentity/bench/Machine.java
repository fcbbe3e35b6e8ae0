package io.podidentity.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine a run came from: figures only mean something next to it. */
public record Machine(int cores, long memoryMib, String cpu, String jdk, String os) {

  public static Machine current() {
    return new Machine(Runtime.getRuntime().availableProcessors(), totalMemoryMib(), cpuModel(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  String describe() {
    return "Machine: " + cores + " cores (" + cpu + "), " + memoryMib + " MiB RAM, " + jdk + ", " + os
        + ". Shared with other builds while measured: compare ratios, not absolute times.";
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("cores", cores);
    json.addProperty("memoryMib", memoryMib);
    json.addProperty("cpu", cpu);
    json.addProperty("jdk", jdk);
    json.addProperty("os", os);
    return json;
  }

  private static long totalMemoryMib() {
    return line(Path.of("/proc/meminfo"), "MemTotal:").map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
        .orElse(-1L);
  }

  private static String cpuModel() {
    return line(Path.of("/proc/cpuinfo"), "model name").map(l -> l.substring(l.indexOf(':') + 1).trim())
        .orElse("unknown CPU");
  }

  public static Optional<String> line(Path file, String prefix) {
    try (var lines = Files.lines(file)) {
      return lines.filter(l -> l.startsWith(prefix)).findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
