package io.podidentity.azuresim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AzureSimMainTest {
  @Test
  void parsesTheMakefileCommandLine() {
    AzureSimMain.Arguments args = AzureSimMain.parse(new String[] {"--out", "target/azure-sim", "--seed", "w.json",
        "--extra-host", "10.1.0.1", "--throttling", "--no-imds-limits"});
    assertThat(args.out()).isEqualTo(Path.of("target/azure-sim"));
    assertThat(args.seed()).isEqualTo(Path.of("w.json"));
    assertThat(args.options().extraHosts()).containsExactly("10.1.0.1");
    assertThat(args.options().throttling()).isTrue();
    assertThat(args.options().imdsLimits()).isFalse();
  }

  @Test
  void refusesUnknownFlagsAndContradictions() {
    assertThatThrownBy(() -> AzureSimMain.parse(new String[] {"--verbose"})).hasMessage("unknown argument --verbose");
    assertThatThrownBy(() -> AzureSimMain.parse(new String[] {"--seed", "a", "--empty"}))
        .hasMessage("--seed and --empty exclude each other");
    assertThatThrownBy(() -> AzureSimMain.parse(new String[] {"--out"})).hasMessage("--out needs a value");
  }
}
