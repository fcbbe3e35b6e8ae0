package io.podidentity.nmi;

/** Starts NMI: Helidon MP with CDI, configuration and health. */
public final class NmiMain {
  private NmiMain() {}

  public static void main(String[] args) {
    io.helidon.microprofile.cdi.Main.main(args);
  }
}
