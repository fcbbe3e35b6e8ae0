package io.podidentity.nmi.net;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which iptables binary manages the node's rules. {@code auto} decides as kube-proxy's iptables wrapper does: the
 * backend whose mangle table holds kubelet's hint chain ({@code KUBE-IPTABLES-HINT} or {@code KUBE-KUBELET-CANARY})
 * wins; otherwise the one holding more rules, nft on a tie. A node with only {@code iptables} uses that.
 */
public final class IptablesBackend {
  static final String NFT = "iptables-nft";
  static final String LEGACY = "iptables-legacy";
  static final String PLAIN = "iptables";
  private static final Pattern HINT = Pattern.compile("(?m)^:(KUBE-IPTABLES-HINT|KUBE-KUBELET-CANARY) ");
  private static final Duration SAVE_TIMEOUT = Duration.ofSeconds(30);

  private IptablesBackend() {}

  /** The binary for a configured backend ({@code auto}, {@code nft}, {@code legacy} or {@code iptables}). */
  public static String binary(String configured, CommandRunner runner) {
    return switch (configured) {
      case "nft" -> NFT;
      case "legacy" -> LEGACY;
      case "iptables" -> PLAIN;
      default -> detect(runner);
    };
  }

  /** Every binary present, for cleanup: rules left by either backend are removed. */
  public static List<String> present(CommandRunner runner) {
    List<String> both = List.of(NFT, LEGACY).stream().filter(runner::available).toList();
    return both.isEmpty() ? List.of(PLAIN) : both;
  }

  static String detect(CommandRunner runner) {
    if (!runner.available(NFT) || !runner.available(LEGACY)) {
      return runner.available(NFT) ? NFT : runner.available(LEGACY) ? LEGACY : PLAIN;
    }
    String nftMangle = save(runner, NFT, "mangle");
    String legacyMangle = save(runner, LEGACY, "mangle");
    return choose(nftMangle, legacyMangle, save(runner, NFT, null), save(runner, LEGACY, null));
  }

  /** The pure choice from what {@code -save} printed for each backend. */
  static String choose(String nftMangle, String legacyMangle, String nftAll, String legacyAll) {
    boolean nftHint = HINT.matcher(nftMangle).find();
    boolean legacyHint = HINT.matcher(legacyMangle).find();
    if (nftHint != legacyHint) {
      return nftHint ? NFT : LEGACY;
    }
    return ruleCount(legacyAll) > ruleCount(nftAll) ? LEGACY : NFT;
  }

  private static long ruleCount(String save) {
    return save.lines().filter(l -> l.startsWith("-")).count();
  }

  private static String save(CommandRunner runner, String binary, String table) {
    List<String> command = table == null ? List.of(binary + "-save") : List.of(binary + "-save", "-t", table);
    CommandRunner.Result result = runner.run(command, SAVE_TIMEOUT);
    return result.ok() ? result.stdout() : "";
  }
}
