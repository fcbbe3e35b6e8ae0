package io.podidentity.kubesim;

/** Runs the Kubernetes API simulator standalone. */
public final class KubeSimMain {
  private KubeSimMain() {}

  public static void main(String[] args) {
    throw new UnsupportedOperationException("not built yet");
  }
}
