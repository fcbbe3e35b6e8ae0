package io.podidentity.deploy;

import com.google.gson.JsonObject;
import io.podidentity.common.crd.CrdSchemaCheck;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders kustomizations the way a user does, with {@code kubectl kustomize <dir>} and no extra flags, and reads
 * plain manifest files; paths are relative to the repository root.
 */
final class Kustomize {
  private Kustomize() {}

  static Path repositoryRoot() {
    return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
  }

  /** kubectl on the PATH, if any. */
  static Optional<Path> kubectl() {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, "kubectl"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** The kustomization directories below {@code dir} (relative to the root), sorted. */
  static List<String> kustomizationsBelow(String dir) {
    Path base = repositoryRoot().resolve(dir);
    try (Stream<Path> dirs = Files.list(base)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
          .map(d -> repositoryRoot().relativize(d).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Rendering render(String dir) {
    Path kubectl = kubectl().orElseThrow(() -> new IllegalStateException("kubectl is not on the PATH"));
    try {
      Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir)
          .directory(repositoryRoot().toFile())
          .redirectErrorStream(false)
          .start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("kubectl kustomize " + dir + " failed: " + err.strip() + hint(err));
      }
      return new Rendering(dir, parse(new java.io.StringReader(out)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every YAML document of the {@code .yaml} files directly in {@code dir}, except kustomization files. */
  static Rendering files(String dir) {
    Path base = repositoryRoot().resolve(dir);
    List<Manifest> manifests = new ArrayList<>();
    try (Stream<Path> files = Files.list(base)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        if (!file.getFileName().toString().equals("kustomization.yaml")) {
          try (Reader reader = Files.newBufferedReader(file)) {
            manifests.addAll(parse(reader));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Rendering(dir, manifests);
  }

  private static List<Manifest> parse(Reader reader) {
    List<Manifest> manifests = new ArrayList<>();
    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
      if (document instanceof Map<?, ?>) {
        manifests.add(new Manifest((JsonObject) CrdSchemaCheck.toJson(document)));
      }
    }
    return manifests;
  }

  private static String hint(String err) {
    return err.contains("src-config") && !Files.exists(repositoryRoot().resolve("src-config/kustomization.yaml"))
        ? " (src-config/kustomization.yaml is missing: it generates the programs' ConfigMaps from mic.properties and"
            + " nmi.properties, and must sit beside them because kustomize loads no file from above a"
            + " kustomization's own directory)"
        : "";
  }
}
