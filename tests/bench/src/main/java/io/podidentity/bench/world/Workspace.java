package io.podidentity.bench.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The repository checkout the benchmarks run in (found upwards from the working directory) and scratch space. */
public final class Workspace {
  private Workspace() {}

  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("k8s/crds")) && Files.isRegularFile(dir.resolve("nmi/pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("run the benchmarks inside the repository: no k8s/crds above "
        + Path.of("").toAbsolutePath());
  }

  public static Path temporaryDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void delete(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
