package io.podidentity.nmi.net;

import java.util.List;

/** One change to the nat table, with the iptables arguments that make it (without the binary and lock options). */
public sealed interface RuleAction {

  /** The arguments after {@code iptables -w <seconds>}. */
  List<String> arguments();

  /** {@code -N aad-metadata}. */
  record CreateChain() implements RuleAction {
    @Override
    public List<String> arguments() {
      return List.of("-t", RedirectRules.TABLE, "-N", RedirectRules.CHAIN);
    }
  }

  /** {@code -F aad-metadata}. */
  record FlushChain() implements RuleAction {
    @Override
    public List<String> arguments() {
      return List.of("-t", RedirectRules.TABLE, "-F", RedirectRules.CHAIN);
    }
  }

  /** {@code -X aad-metadata}. */
  record DeleteChain() implements RuleAction {
    @Override
    public List<String> arguments() {
      return List.of("-t", RedirectRules.TABLE, "-X", RedirectRules.CHAIN);
    }
  }

  /** {@code -A aad-metadata <rule>}. */
  record AppendRule(List<String> rule) implements RuleAction {
    public AppendRule {
      rule = List.copyOf(rule);
    }

    @Override
    public List<String> arguments() {
      return concat(List.of("-t", RedirectRules.TABLE, "-A", RedirectRules.CHAIN), rule);
    }
  }

  /** {@code -I PREROUTING 1 -j aad-metadata}: the jump goes first, before anyone else's rules. */
  record InsertJumpFirst() implements RuleAction {
    @Override
    public List<String> arguments() {
      return List.of("-t", RedirectRules.TABLE, "-I", RedirectRules.PREROUTING, "1", "-j", RedirectRules.CHAIN);
    }
  }

  /** {@code -D PREROUTING -j aad-metadata}: removes one jump. */
  record DeleteJump() implements RuleAction {
    @Override
    public List<String> arguments() {
      return List.of("-t", RedirectRules.TABLE, "-D", RedirectRules.PREROUTING, "-j", RedirectRules.CHAIN);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
