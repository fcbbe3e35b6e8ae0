package io.podidentity.system.sandbox;

import io.podidentity.system.process.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The process ids of a running sandbox's programs, in {@code target/sandbox/pids}. A launcher that was killed
 * outright (SIGKILL) cannot stop its programs; the next start stops those still running, recognising each by its
 * id and by a command line that names this sandbox's directory, so no unrelated process is touched.
 */
final class StalePids {
  private StalePids() {}

  static void record(Path file, List<ChildProcess> processes) throws IOException {
    Files.writeString(file, processes.stream().map(p -> Long.toString(p.pid()))
        .collect(Collectors.joining("\n", "", "\n")));
  }

  static void stopRecorded(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    String marker = file.getParent().toString();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      ProcessHandle.of(Long.parseLong(line.trim()))
          .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false))
          .ifPresent(h -> {
            System.out.println("sandbox: stopping pid " + h.pid() + " left over from an earlier run");
            h.destroy();
            h.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> {
              h.destroyForcibly();
              return h;
            }).join();
          });
    }
    Files.delete(file);
  }
}
