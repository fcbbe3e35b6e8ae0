package io.podidentity.mic;

/** Starts MIC: Helidon MP with CDI, configuration and health. */
public final class MicMain {
  private MicMain() {}

  public static void main(String[] args) {
    io.helidon.microprofile.cdi.Main.main(args);
  }
}
