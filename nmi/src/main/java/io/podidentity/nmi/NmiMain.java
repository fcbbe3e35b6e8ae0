package io.podidentity.nmi;

import io.podidentity.runtime.boot.Program;
import io.podidentity.runtime.boot.ProgramLauncher;
import java.util.List;
import java.util.Map;

/** Starts NMI: the original's flags and configuration layers, then Helidon MP. */
public final class NmiMain {
  private NmiMain() {}

  public static void main(String[] args) {
    ProgramLauncher.launch(new Program("nmi", "0.1.0", List.of(), Map.of(), config -> {}), args);
  }
}
