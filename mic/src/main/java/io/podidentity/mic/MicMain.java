package io.podidentity.mic;

import io.podidentity.runtime.boot.Program;
import io.podidentity.runtime.boot.ProgramLauncher;
import java.util.List;
import java.util.Map;

/** Starts MIC: the original's flags and configuration layers, then Helidon MP. */
public final class MicMain {
  private MicMain() {}

  public static void main(String[] args) {
    ProgramLauncher.launch(new Program("mic", "0.1.0", List.of(), Map.of(), config -> {}), args);
  }
}
