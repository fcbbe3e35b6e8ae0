package io.podidentity.nmi.net;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The nat table as {@code iptables -t nat -S} prints it: the lines of the {@code aad-metadata} chain (empty when the
 * chain does not exist) and the lines of {@code PREROUTING}.
 */
public record ChainState(Optional<List<String>> chain, List<String> prerouting) {
  public ChainState {
    Objects.requireNonNull(chain, "chain");
    chain = chain.map(List::copyOf);
    prerouting = List.copyOf(prerouting);
  }

  /** How many jumps to {@code aad-metadata} PREROUTING holds. */
  long jumps() {
    return prerouting.stream().filter(RedirectRules.JUMP_LINE::equals).count();
  }

  /** Whether the first rule of PREROUTING is the jump. */
  boolean jumpFirst() {
    return prerouting.stream().filter(l -> l.startsWith("-A ")).findFirst()
        .map(RedirectRules.JUMP_LINE::equals).orElse(false);
  }
}
