package io.podidentity.mic;

import io.podidentity.mic.config.MicEnvironment;
import io.podidentity.mic.config.MicFlags;
import io.podidentity.mic.config.MicSettingsReader;
import io.podidentity.runtime.boot.Program;
import io.podidentity.runtime.boot.ProgramLauncher;

/** Starts MIC: the original's flags and environment, configuration validated into settings, then Helidon MP. */
public final class MicMain {
  /** MIC as the launcher sees it. */
  public static final Program PROGRAM = new Program("mic", MicWiring.VERSION, MicFlags.ALL, MicEnvironment.ALIASES,
      MicSettingsReader::read);

  private MicMain() {}

  public static void main(String[] args) {
    ProgramLauncher.launch(PROGRAM, args);
  }
}
