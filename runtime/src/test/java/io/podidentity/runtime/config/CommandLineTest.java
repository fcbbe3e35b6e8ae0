package io.podidentity.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private final CommandLine commandLine = new CommandLine(List.of(
      Flag.bool("forceNamespaced", "mic.force-namespaced"),
      Flag.value("syncRetryDuration", "mic.sync-retry-duration"),
      Flag.value("leader-election-name", "mic.leader-election.name"),
      Flag.ignored("logtostderr"),
      Flag.ignored("v")));

  @ParameterizedTest
  @CsvSource({
      "--forceNamespaced, true",
      "-forceNamespaced, true",
      "--forceNamespaced=false, false",
      "--forceNamespaced=F, false",
      "--forceNamespaced=1, true",
      "-forceNamespaced=True, true"})
  void readsBooleansAsGoDoes(String arg, String expected) {
    assertThat(commandLine.parse(arg))
        .isEqualTo(new CommandLine.Result.Parsed(Map.of("mic.force-namespaced", expected)));
  }

  @Test
  void readsValuesInlineOrAsTheNextArgument() {
    assertThat(commandLine.parse("--syncRetryDuration=30s", "-leader-election-name", "mic-lock"))
        .isEqualTo(new CommandLine.Result.Parsed(
            Map.of("mic.sync-retry-duration", "30s", "mic.leader-election.name", "mic-lock")));
  }

  @Test
  void acceptsAndDropsKlogFlagsWithOrWithoutValues() {
    assertThat(commandLine.parse("--logtostderr", "-v", "5", "--v=2", "--forceNamespaced"))
        .isEqualTo(new CommandLine.Result.Parsed(Map.of("mic.force-namespaced", "true")));
  }

  @Test
  void namesEveryBadArgumentAndAppliesNothing() {
    var result = commandLine.parse("--forceNamespaced=maybe", "--no-such-flag", "stray", "--syncRetryDuration");
    assertThat(result).isInstanceOf(CommandLine.Result.Invalid.class);
    assertThat(((CommandLine.Result.Invalid) result).problems()).containsExactly(
        "flag --forceNamespaced takes true or false, not 'maybe'",
        "unknown flag '--no-such-flag'",
        "unexpected argument 'stray': only flags are accepted",
        "flag --syncRetryDuration needs a value");
  }
}
