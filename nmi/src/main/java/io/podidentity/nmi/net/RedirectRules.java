package io.podidentity.nmi.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The redirect NMI keeps in the node's nat table (§3.8), computed from settings alone: chain {@code aad-metadata}
 * with a DNAT of every non-local TCP connection to the metadata address and port onto NMI, then RETURN, and a jump
 * to it as the first rule of PREROUTING. {@link #plan} says what to change to get there from what iptables prints;
 * {@link #removal} what to change to leave nothing behind. Both are idempotent: applied to their own result they
 * plan nothing.
 */
public record RedirectRules(String metadataIp, int metadataPort, String targetIp, int targetPort) {
  public static final String TABLE = "nat";
  public static final String CHAIN = "aad-metadata";
  public static final String PREROUTING = "PREROUTING";
  static final String JUMP_LINE = "-A " + PREROUTING + " -j " + CHAIN;
  private static final String LOCALHOST = "127.0.0.1/32";

  public RedirectRules {
    Objects.requireNonNull(metadataIp, "metadataIp");
    Objects.requireNonNull(targetIp, "targetIp");
  }

  /** The DNAT target for a listen address: NMI's own address, or 127.0.0.1 when it listens on every address. */
  public static RedirectRules of(String metadataIp, int metadataPort, String listenAddress, int listenPort) {
    String target = listenAddress.equals("0.0.0.0") ? "127.0.0.1" : listenAddress;
    return new RedirectRules(metadataIp, metadataPort, target, listenPort);
  }

  /** The chain exactly as {@code iptables -t nat -S aad-metadata} prints it when it is right. */
  public List<String> expectedChain() {
    return List.of("-N " + CHAIN,
        "-A " + CHAIN + " ! -s " + LOCALHOST + " -d " + metadataIp + "/32 -p tcp -m tcp --dport " + metadataPort
            + " -j DNAT --to-destination " + targetIp + ":" + targetPort,
        "-A " + CHAIN + " -j RETURN");
  }

  /** The changes that bring {@code state} to the expected rules: none when it is already there. */
  public List<RuleAction> plan(ChainState state) {
    List<RuleAction> actions = new ArrayList<>();
    if (state.chain().isEmpty()) {
      actions.add(new RuleAction.CreateChain());
      actions.addAll(appendRules());
    } else if (!state.chain().get().equals(expectedChain())) {
      actions.add(new RuleAction.FlushChain());
      actions.addAll(appendRules());
    }
    if (state.jumps() != 1 || !state.jumpFirst()) {
      for (long i = 0; i < state.jumps(); i++) {
        actions.add(new RuleAction.DeleteJump());
      }
      actions.add(new RuleAction.InsertJumpFirst());
    }
    return actions;
  }

  /** The changes that remove every jump and the chain: none when nothing is left. */
  public static List<RuleAction> removal(ChainState state) {
    List<RuleAction> actions = new ArrayList<>();
    for (long i = 0; i < state.jumps(); i++) {
      actions.add(new RuleAction.DeleteJump());
    }
    if (state.chain().isPresent()) {
      actions.add(new RuleAction.FlushChain());
      actions.add(new RuleAction.DeleteChain());
    }
    return actions;
  }

  private List<RuleAction> appendRules() {
    return List.of(
        new RuleAction.AppendRule(List.of("-p", "tcp", "!", "-s", LOCALHOST, "-d", metadataIp + "/32", "-m", "tcp",
            "--dport", Integer.toString(metadataPort), "-j", "DNAT", "--to-destination",
            targetIp + ":" + targetPort)),
        new RuleAction.AppendRule(List.of("-j", "RETURN")));
  }
}
