package io.podidentity.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.system.process.ChildProcess;
import io.podidentity.system.process.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as a user meets it: the packaged launcher reaches ready and the tutorial's summary, the README's
 * walkthrough runs as written (kubectl and curl, knowing nothing of this code), stopping leaves no process and no
 * stale file behind, and a second start works.
 */
class SandboxWalkthroughIT {
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Path JAR = Path.of("target/podidentity-system-tests-0.1.0-SNAPSHOT.jar").toAbsolutePath();
  private static final Path OUT = Path.of("target/walkthrough-sandbox").toAbsolutePath();
  private static final List<String> ENV_KEYS = List.of("KUBECONFIG", "NMI_URL", "ARM_URL", "AAD_URL", "IMDS_URL",
      "POD_CIDR", "CA_BUNDLE", "TRUST_STORE", "TRUST_STORE_PASSWORD");

  @Test
  void readmeWalkthroughWorksAgainstARunningSandboxThatStopsCleanly() throws IOException {
    for (String tool : List.of("kubectl", "curl", "bash")) {
      boolean present = Command.run(Duration.ofSeconds(10), List.of("sh", "-c", "command -v " + tool)).status() == 0;
      if (!present) {
        System.out.println("walkthrough: skipped: needs " + tool);
      }
      Assumptions.assumeTrue(present, "needs " + tool);
    }
    List<Long> pids;
    try (ChildProcess sandbox = launcher("walkthrough-launcher.log")) {
      sandbox.awaitLog("serving until Ctrl-C", Duration.ofSeconds(240));
      assertThat(sandbox.output()).contains("sandbox: ready in", "summary:").doesNotContain("[FAIL]");
      assertThat(sandbox.output().lines().filter(l -> l.contains("[ok]")).count()).isEqualTo(4);
      assertEnvFile();
      pids = Files.readAllLines(OUT.resolve("pids")).stream().filter(l -> !l.isBlank()).map(Long::parseLong)
          .toList();
      Command walkthrough = Command.run(Duration.ofSeconds(300), List.of("bash", "-c",
          "set -euo pipefail\ncd '" + ROOT + "'\n" + readmeWalkthrough().replace("target/sandbox/env",
              OUT.resolve("env").toString())));
      assertThat(walkthrough.status()).as(walkthrough.output()).isZero();
      assertThat(walkthrough.output()).contains("pod/walkthrough labeled",
          "azureassignedidentity.aadpodidentity.k8s.io/walkthrough-default-reader condition met",
          "\"access_token\":\"", "\"token_type\":\"Bearer\"",
          "pod \"walkthrough\" deleted", "azureidentity.aadpodidentity.k8s.io \"reader\" deleted")
          .containsPattern("walkthrough-default-reader\\s+walkthrough\\s+Assigned");
    }
    assertThat(pids).hasSize(4).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
        .as("process %d after stop", pid).isNotEqualTo(java.util.Optional.of(true)));
    assertThat(OUT.resolve("env")).doesNotExist();
    assertThat(OUT.resolve("kubeconfig")).doesNotExist();
    assertThat(OUT.resolve("pids")).doesNotExist();

    try (ChildProcess again = launcher("walkthrough-second-launcher.log", "--no-tutorial", "--exit-after-tutorial")) {
      assertThat(again.awaitExit(Duration.ofSeconds(180))).as(again.output()).isZero();
      assertThat(again.output()).contains("sandbox: ready in", "sandbox: stopped");
    }
  }

  private static ChildProcess launcher(String log, String... options) {
    List<String> command = new ArrayList<>(ChildProcess.java("-jar", JAR.toString(), "--root", ROOT.toString(),
        "--out", OUT.toString()));
    command.addAll(List.of(options));
    return ChildProcess.startClean("sandbox", command, Map.of(), Path.of("target", log).toAbsolutePath());
  }

  private static void assertEnvFile() throws IOException {
    List<String> lines = Files.readAllLines(OUT.resolve("env")).stream().filter(l -> l.startsWith("export "))
        .toList();
    assertThat(lines).extracting(l -> l.substring("export ".length(), l.indexOf('='))).containsExactlyElementsOf(
        ENV_KEYS);
    for (String key : List.of("KUBECONFIG", "CA_BUNDLE", "TRUST_STORE")) {
      String line = lines.stream().filter(l -> l.startsWith("export " + key + "=")).findFirst().orElseThrow();
      Path path = Path.of(line.substring(line.indexOf('=') + 1).replace("'", ""));
      assertThat(path).isAbsolute().exists();
    }
  }

  /** The shell code of the README's walkthrough: every sh block between the walkthrough markers. */
  static String readmeWalkthrough() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String section = readme.substring(readme.indexOf("<!-- walkthrough -->"), readme.indexOf("<!-- /walkthrough -->"));
    Matcher blocks = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(section);
    StringBuilder script = new StringBuilder();
    while (blocks.find()) {
      script.append(blocks.group(1));
    }
    assertThat(script).as("walkthrough blocks in README.md").isNotEmpty();
    return script.toString();
  }
}
