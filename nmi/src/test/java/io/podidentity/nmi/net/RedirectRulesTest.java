package io.podidentity.nmi.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules NMI keeps (§3.8), computed from settings; planning is idempotent and repairs any drift. */
class RedirectRulesTest {
  private static final RedirectRules RULES = RedirectRules.of("169.254.169.254", 80, "127.0.0.1", 2579);
  private static final String DNAT = "-A aad-metadata ! -s 127.0.0.1/32 -d 169.254.169.254/32 -p tcp -m tcp "
      + "--dport 80 -j DNAT --to-destination 127.0.0.1:2579";

  @Test
  void expectsTheOriginalsChainAsIptablesPrintsIt() {
    assertThat(RULES.expectedChain()).containsExactly("-N aad-metadata", DNAT, "-A aad-metadata -j RETURN");
  }

  @Test
  void targetsLoopbackWhenListeningOnEveryAddress() {
    assertThat(RedirectRules.of("169.254.169.254", 80, "0.0.0.0", 2579).targetIp()).isEqualTo("127.0.0.1");
    assertThat(RedirectRules.of("169.254.169.254", 80, "10.244.0.1", 2579).expectedChain().get(1))
        .endsWith("--to-destination 10.244.0.1:2579");
  }

  @Test
  void createsChainRulesAndJumpOnAnEmptyTable() {
    List<RuleAction> plan = RULES.plan(new ChainState(Optional.empty(), List.of("-P PREROUTING ACCEPT")));
    assertThat(plan).extracting(a -> String.join(" ", a.arguments())).containsExactly(
        "-t nat -N aad-metadata",
        "-t nat -A aad-metadata -p tcp ! -s 127.0.0.1/32 -d 169.254.169.254/32 -m tcp --dport 80 -j DNAT "
            + "--to-destination 127.0.0.1:2579",
        "-t nat -A aad-metadata -j RETURN",
        "-t nat -I PREROUTING 1 -j aad-metadata");
  }

  @Test
  void plansNothingWhenEverythingIsInPlace() {
    assertThat(RULES.plan(correct())).isEmpty();
  }

  @Test
  void flushesAndRewritesAChangedChain() {
    ChainState changed = new ChainState(Optional.of(List.of("-N aad-metadata",
        DNAT.replace("2579", "9999"), "-A aad-metadata -j RETURN")), jumpFirst());
    assertThat(RULES.plan(changed)).extracting(a -> a.getClass().getSimpleName())
        .containsExactly("FlushChain", "AppendRule", "AppendRule");
    ChainState extra = new ChainState(Optional.of(List.of("-N aad-metadata", DNAT, "-A aad-metadata -j RETURN",
        "-A aad-metadata -j ACCEPT")), jumpFirst());
    assertThat(RULES.plan(extra)).hasSize(3);
  }

  @Test
  void putsTheJumpBackFirstAndOnlyOnce() {
    List<String> notFirst = List.of("-P PREROUTING ACCEPT", "-A PREROUTING -j KUBE-SERVICES",
        "-A PREROUTING -j aad-metadata");
    assertThat(RULES.plan(new ChainState(correct().chain(), notFirst))).extracting(a -> a.getClass().getSimpleName())
        .containsExactly("DeleteJump", "InsertJumpFirst");
    List<String> twice = new ArrayList<>(jumpFirst());
    twice.add("-A PREROUTING -j aad-metadata");
    assertThat(RULES.plan(new ChainState(correct().chain(), twice))).extracting(a -> a.getClass().getSimpleName())
        .containsExactly("DeleteJump", "DeleteJump", "InsertJumpFirst");
  }

  @Test
  void removesJumpsAndChainAndThenNothing() {
    assertThat(RedirectRules.removal(correct())).extracting(a -> String.join(" ", a.arguments())).containsExactly(
        "-t nat -D PREROUTING -j aad-metadata", "-t nat -F aad-metadata", "-t nat -X aad-metadata");
    assertThat(RedirectRules.removal(new ChainState(Optional.empty(), List.of("-P PREROUTING ACCEPT")))).isEmpty();
  }

  private static ChainState correct() {
    return new ChainState(Optional.of(RULES.expectedChain()), jumpFirst());
  }

  private static List<String> jumpFirst() {
    return List.of("-P PREROUTING ACCEPT", "-A PREROUTING -j aad-metadata", "-A PREROUTING -j KUBE-SERVICES");
  }
}
