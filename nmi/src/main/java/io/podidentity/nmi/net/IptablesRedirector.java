package io.podidentity.nmi.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The adapter that reads the nat table with one iptables binary and applies what {@link RedirectRules} plans. It
 * takes the xtables lock like every other iptables client on the node ({@code -w}), so it never races kube-proxy.
 */
public final class IptablesRedirector {
  private static final String LOCK_WAIT_SECONDS = "10";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final CommandRunner runner;
  private final String binary;

  public IptablesRedirector(CommandRunner runner, String binary) {
    this.runner = runner;
    this.binary = binary;
  }

  /** What a sync or removal did. */
  public sealed interface Outcome {
    /** The changes made; empty when everything was already right. */
    record Done(List<RuleAction> actions) implements Outcome {}

    /** A command failed; the table may be half-changed and the next run repairs it. */
    record Failed(String message) implements Outcome {}
  }

  public Outcome sync(RedirectRules rules) {
    return apply(rules::plan);
  }

  public Outcome remove() {
    return apply(RedirectRules::removal);
  }

  public String binary() {
    return binary;
  }

  private Outcome apply(Function<ChainState, List<RuleAction>> planner) {
    Optional<ChainState> state = read();
    if (state.isEmpty()) {
      return new Outcome.Failed(binary + " cannot list the nat table's PREROUTING chain");
    }
    List<RuleAction> actions = planner.apply(state.get());
    for (RuleAction action : actions) {
      CommandRunner.Result result = iptables(action.arguments());
      if (!result.ok()) {
        return new Outcome.Failed(binary + " " + String.join(" ", action.arguments()) + " failed: "
            + result.describe());
      }
    }
    return new Outcome.Done(actions);
  }

  /** The chain (absent when listing it fails: it does not exist) and PREROUTING (must list). */
  Optional<ChainState> read() {
    CommandRunner.Result prerouting = iptables(List.of("-t", RedirectRules.TABLE, "-S", RedirectRules.PREROUTING));
    if (!prerouting.ok()) {
      return Optional.empty();
    }
    CommandRunner.Result chain = iptables(List.of("-t", RedirectRules.TABLE, "-S", RedirectRules.CHAIN));
    Optional<List<String>> lines = chain.ok() ? Optional.of(chain.stdout().lines().toList()) : Optional.empty();
    return Optional.of(new ChainState(lines, prerouting.stdout().lines().toList()));
  }

  private CommandRunner.Result iptables(List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(binary, "-w", LOCK_WAIT_SECONDS));
    command.addAll(arguments);
    return runner.run(command, TIMEOUT);
  }
}
