package io.podidentity.nmi;

import io.podidentity.nmi.config.NmiFlags;
import io.podidentity.nmi.config.NmiSettings;
import io.podidentity.nmi.config.NmiSettingsReader;
import io.podidentity.nmi.net.KubenetGuard;
import io.podidentity.nmi.net.RuleCleanup;
import io.podidentity.runtime.boot.Program;
import io.podidentity.runtime.boot.ProgramLauncher;
import io.podidentity.runtime.logging.ShutdownSafeLogging;
import io.podidentity.runtime.config.InvalidConfigurationException;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Starts NMI: the original's flags and configuration layers, the start-up refusals (bad values, managed mode without
 * namespaced, kubenet), then Helidon MP. {@code --cleanup} only removes the redirect rules and exits.
 */
public final class NmiMain {
  static final String VERSION = "0.1.0";

  private NmiMain() {}

  /** The program as the launcher sees it; its check is what refuses a bad start. */
  public static Program program() {
    return new Program("nmi", VERSION, NmiFlags.ALL, NmiFlags.ENVIRONMENT, NmiMain::check);
  }

  public static void main(String[] args) {
    ShutdownSafeLogging.install();
    ProgramLauncher.Outcome outcome = ProgramLauncher.prepare(program(), args, System.getenv());
    if (outcome instanceof ProgramLauncher.Outcome.Ready ready
        && NmiSettingsReader.read(ready.config()).cleanup()) {
      System.exit(RuleCleanup.run(NmiSettingsReader.read(ready.config())) ? 0 : 1);
    }
    ProgramLauncher.launch(program(), args);
  }

  static void check(Config config) {
    NmiSettings settings = NmiSettingsReader.read(config);
    NmiSettings.Rules rules = settings.rules();
    if (!settings.cleanup() && !rules.allowKubenet()) {
      KubenetGuard.check(rules.kubeletConfig()).ifPresent(refusal -> {
        throw new InvalidConfigurationException(List.of(refusal));
      });
    }
  }
}
