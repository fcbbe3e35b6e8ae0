package io.podidentity.azuresim;

/** Runs the Azure simulator standalone. */
public final class AzureSimMain {
  private AzureSimMain() {}

  public static void main(String[] args) {
    throw new UnsupportedOperationException("not built yet");
  }
}
