package io.podidentity.nmi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podidentity.nmi.config.NmiSettings;
import io.podidentity.nmi.net.CommandRunner;
import io.podidentity.nmi.net.IptablesRedirector;
import io.podidentity.nmi.net.ProcessCommandRunner;
import io.podidentity.nmi.net.RedirectRules;
import io.podidentity.nmi.net.RuleSync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The redirect rules with real iptables (nft and legacy backends), only ever inside a network namespace this class
 * creates ({@code pi-nmi-<random>}) and deletes at the end: every command runs behind {@code ip netns exec}. Needs
 * root and the {@code ip} and {@code iptables} tools; without them the class is skipped and says why.
 */
class IptablesNamespaceIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Path JAR = Path.of("target/podidentity-nmi-0.1.0-SNAPSHOT.jar");
  private static final CommandRunner HOST = new ProcessCommandRunner(List.of());
  private static String namespace;
  private static CommandRunner inside;

  @BeforeAll
  static void createNamespace() {
    Assumptions.assumeTrue(HOST.run(List.of("id", "-u"), TIMEOUT).stdout().strip().equals("0"),
        "needs root to create a network namespace and change its iptables");
    Assumptions.assumeTrue(HOST.available("ip") && HOST.available("iptables"),
        "needs the ip and iptables tools (iproute2, iptables)");
    String name = "pi-nmi-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    check(HOST.run(List.of("ip", "netns", "add", name), TIMEOUT));
    namespace = name;
    inside = new ProcessCommandRunner(List.of("ip", "netns", "exec", namespace));
    check(inside.run(List.of("ip", "link", "set", "lo", "up"), TIMEOUT));
  }

  @AfterAll
  static void deleteNamespace() {
    if (namespace != null) {
      check(HOST.run(List.of("ip", "netns", "del", namespace), TIMEOUT));
    }
  }

  static Stream<String> backends() {
    return Stream.of("iptables-nft", "iptables-legacy").filter(HOST::available);
  }

  private static final RedirectRules RULES = RedirectRules.of("169.254.169.254", 80, "127.0.0.1", 2579);

  @ParameterizedTest
  @MethodSource("backends")
  void installsTheChainWithTheJumpFirstOnceAndRemovesBoth(String backend) {
    iptables(backend, "-t", "nat", "-A", "PREROUTING", "-p", "udp", "--dport", "53", "-j", "RETURN");
    IptablesRedirector redirector = new IptablesRedirector(inside, backend);

    assertThat(done(redirector.sync(RULES))).isNotEmpty();
    assertThat(chain(backend)).containsExactlyElementsOf(RULES.expectedChain());
    assertThat(chain(backend).get(1)).isEqualTo("-A aad-metadata ! -s 127.0.0.1/32 -d 169.254.169.254/32 -p tcp "
        + "-m tcp --dport 80 -j DNAT --to-destination 127.0.0.1:2579");
    assertThat(prerouting(backend)).containsExactly("-A PREROUTING -j aad-metadata",
        "-A PREROUTING -p udp -m udp --dport 53 -j RETURN");
    assertThat(done(redirector.sync(RULES))).as("a second sync changes nothing").isEmpty();

    assertThat(done(redirector.remove())).isNotEmpty();
    assertThat(chainExists(backend)).isFalse();
    assertThat(prerouting(backend)).containsExactly("-A PREROUTING -p udp -m udp --dport 53 -j RETURN");
    assertThat(done(redirector.remove())).as("a second removal changes nothing").isEmpty();
    iptables(backend, "-t", "nat", "-F", "PREROUTING");
  }

  @Test
  void ruleSyncRepairsWhatOthersChangeAndRemovesTheRulesOnClose() {
    String backend = "iptables-nft";
    NmiSettings settings = NmiServer.settings(Map.of("nmi.node", "node-a", "nmi.iptables-backend", "nft",
        "nmi.ipt-update-interval-sec", "100ms"));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    RuleSync sync = new RuleSync(settings, inside, scheduler);
    try {
      sync.start();
      await().atMost(TIMEOUT).until(() -> sync.active() && sync.inPlace());
      List<String> expected = RedirectRules.of("169.254.169.254", 80, "127.0.0.1", 2579).expectedChain();
      assertThat(chain(backend)).containsExactlyElementsOf(expected);

      iptables(backend, "-t", "nat", "-D", "aad-metadata", "1");
      await().atMost(TIMEOUT).ignoreExceptions().until(() -> chain(backend).equals(expected));
      iptables(backend, "-t", "nat", "-D", "PREROUTING", "-j", "aad-metadata");
      await().atMost(TIMEOUT).until(() -> prerouting(backend).equals(List.of("-A PREROUTING -j aad-metadata")));
      iptables(backend, "-t", "nat", "-I", "PREROUTING", "1", "-p", "udp", "-j", "RETURN");
      await().atMost(TIMEOUT).until(() -> prerouting(backend).getFirst().equals("-A PREROUTING -j aad-metadata"));

      sync.close();
      assertThat(chainExists(backend)).isFalse();
      assertThat(prerouting(backend)).containsExactly("-A PREROUTING -p udp -j RETURN");
    } finally {
      scheduler.shutdownNow();
      iptables(backend, "-t", "nat", "-F", "PREROUTING");
    }
  }

  @Test
  void cleanupRunRemovesTheRulesOfEveryBackend() throws IOException, InterruptedException {
    List<String> backends = backends().toList();
    backends.forEach(b -> assertThat(done(new IptablesRedirector(inside, b).sync(RULES))).isNotEmpty());
    Path config = Files.createTempDirectory("nmi-cleanup");
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "--cleanup"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(config.resolve("nmi.log").toFile());
    builder.environment().put("PODIDENTITY_CONFIG_DIR", config.toString());

    Process cleanup = builder.start();

    assertThat(cleanup.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(cleanup.exitValue()).as(Files.readString(config.resolve("nmi.log"))).isZero();
    for (String backend : backends) {
      assertThat(chainExists(backend)).as(backend).isFalse();
      assertThat(prerouting(backend)).as(backend).isEmpty();
    }
    Files.delete(config.resolve("nmi.log"));
    Files.delete(config);
  }

  private static List<io.podidentity.nmi.net.RuleAction> done(IptablesRedirector.Outcome outcome) {
    assertThat(outcome).isInstanceOf(IptablesRedirector.Outcome.Done.class);
    return ((IptablesRedirector.Outcome.Done) outcome).actions();
  }

  private static List<String> chain(String backend) {
    return check(inside.run(List.of(backend, "-w", "10", "-t", "nat", "-S", "aad-metadata"), TIMEOUT)).stdout()
        .lines().toList();
  }

  private static boolean chainExists(String backend) {
    return inside.run(List.of(backend, "-w", "10", "-t", "nat", "-S", "aad-metadata"), TIMEOUT).ok();
  }

  /** PREROUTING's rules in order, without its policy line. */
  private static List<String> prerouting(String backend) {
    return check(inside.run(List.of(backend, "-w", "10", "-t", "nat", "-S", "PREROUTING"), TIMEOUT)).stdout()
        .lines().filter(l -> l.startsWith("-A ")).toList();
  }

  private static void iptables(String backend, String... arguments) {
    List<String> command = new ArrayList<>(List.of(backend, "-w", "10"));
    command.addAll(List.of(arguments));
    check(inside.run(command, TIMEOUT));
  }

  private static CommandRunner.Result check(CommandRunner.Result result) {
    if (!result.ok()) {
      throw new IllegalStateException("command failed: " + result.describe());
    }
    return result;
  }
}
