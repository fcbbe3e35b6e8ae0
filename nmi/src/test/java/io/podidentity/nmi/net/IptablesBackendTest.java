package io.podidentity.nmi.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.nmi.testing.FakeCommands;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kube-proxy's iptables-wrapper heuristics: the kubelet hint chain wins, else the backend with more rules. */
class IptablesBackendTest {
  private static final String HINT = "*mangle\n:KUBE-IPTABLES-HINT - [0:0]\nCOMMIT\n";
  private static final String EMPTY = "*mangle\nCOMMIT\n";

  @Test
  void followsTheKubeletsHintChain() {
    assertThat(IptablesBackend.choose(EMPTY, HINT, "", "")).isEqualTo(IptablesBackend.LEGACY);
    assertThat(IptablesBackend.choose(HINT, EMPTY, "", "-A X\n-A Y\n")).isEqualTo(IptablesBackend.NFT);
  }

  @Test
  void otherwiseTakesTheBackendHoldingMoreRulesAndNftOnATie() {
    assertThat(IptablesBackend.choose(EMPTY, EMPTY, "-A A\n", "-A A\n-A B\n")).isEqualTo(IptablesBackend.LEGACY);
    assertThat(IptablesBackend.choose(EMPTY, EMPTY, "-A A\n", "-A A\n")).isEqualTo(IptablesBackend.NFT);
  }

  @Test
  void usesWhatIsInstalledOrWhatIsConfigured() {
    FakeCommands commands = new FakeCommands();
    commands.programs(List.of("iptables"));
    assertThat(IptablesBackend.binary("auto", commands)).isEqualTo("iptables");
    commands.programs(List.of("iptables-legacy"));
    assertThat(IptablesBackend.binary("auto", commands)).isEqualTo("iptables-legacy");
    assertThat(IptablesBackend.binary("nft", commands)).isEqualTo("iptables-nft");
    commands.programs(List.of("iptables-nft", "iptables-legacy"));
    assertThat(IptablesBackend.present(commands)).containsExactly("iptables-nft", "iptables-legacy");
  }
}
