package io.podidentity.runtime.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.runtime.config.ConfigSources;
import io.podidentity.runtime.config.Flag;
import io.podidentity.runtime.config.SettingsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramLauncherTest {
  @TempDir Path configDir;

  private static Program program() {
    return new Program("nmi", "test",
        List.of(Flag.value("layered", "test.layered"), Flag.value("retries", "test.retries")),
        Map.of("TEST_LAYERED_ALIAS", "test.layered"),
        config -> {
          SettingsReader r = new SettingsReader(ConfigSources.lookup(config));
          r.integer("test.retries", 0, 10);
          r.validate();
        });
  }

  private Map<String, String> env(String... pairs) {
    var map = new java.util.HashMap<String, String>();
    map.put(ConfigSources.CONFIG_DIR_VARIABLE, configDir.toString());
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private String layered(ProgramLauncher.Outcome outcome) {
    assertThat(outcome).isInstanceOf(ProgramLauncher.Outcome.Ready.class);
    return ((ProgramLauncher.Outcome.Ready) outcome).config().getValue("test.layered", String.class);
  }

  @Test
  void layersDefaultsFileEnvironmentAndFlagsInThatOrder() throws IOException {
    String[] noFlags = {"--retries=3"};
    assertThat(layered(ProgramLauncher.prepare(program(), noFlags, env()))).isEqualTo("from-defaults");

    Files.writeString(configDir.resolve("nmi.properties"), "test.layered=from-file\n");
    assertThat(layered(ProgramLauncher.prepare(program(), noFlags, env()))).isEqualTo("from-file");

    assertThat(layered(ProgramLauncher.prepare(program(), noFlags, env("TEST_LAYERED_ALIAS", "from-env"))))
        .isEqualTo("from-env");

    String[] flags = {"--retries=3", "--layered", "from-flag"};
    assertThat(layered(ProgramLauncher.prepare(program(), flags, env("TEST_LAYERED_ALIAS", "from-env"))))
        .isEqualTo("from-flag");
  }

  @Test
  void keepsDefaultsThatNothingOverrides() {
    var outcome = (ProgramLauncher.Outcome.Ready) ProgramLauncher.prepare(program(), new String[] {"--retries=1"}, env());
    assertThat(outcome.config().getValue("test.defaults-only", String.class)).isEqualTo("kept");
  }

  @Test
  void readsAKeyThatIsEmptyOnPurposeAsEmptyAndAnUnknownKeyAsMissing() {
    var outcome = (ProgramLauncher.Outcome.Ready) ProgramLauncher.prepare(program(), new String[] {"--retries=1"}, env());
    var lookup = ConfigSources.lookup(outcome.config());
    assertThat(lookup.apply("test.empty-default")).hasValueSatisfying(v -> {
      assertThat(v.text()).isEmpty();
      assertThat(v.source()).isEqualTo("defaults nmi.properties");
    });
    assertThat(lookup.apply("test.never-named")).isEmpty();
    assertThat(lookup.apply("test.retries").orElseThrow().source()).isEqualTo("command-line flags");
  }

  @Test
  void refusesBadFlagsAndBadValuesNamingThem() {
    var unknown = ProgramLauncher.prepare(program(), new String[] {"--nope=1"}, env());
    assertThat(unknown).isEqualTo(new ProgramLauncher.Outcome.Refused(List.of("unknown flag '--nope=1'")));

    var bad = ProgramLauncher.prepare(program(), new String[] {"--retries=eleven"}, env());
    assertThat(bad).isEqualTo(new ProgramLauncher.Outcome.Refused(
        List.of("key 'test.retries' has value 'eleven' (from command-line flags): expected a whole number from 0 to 10")));
  }

  @Test
  void answersVersionBeforeAnythingElse() {
    assertThat(ProgramLauncher.prepare(program(), new String[] {"--nope", "--version"}, env()))
        .isInstanceOf(ProgramLauncher.Outcome.PrintVersion.class);
  }
}
