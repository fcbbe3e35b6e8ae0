package io.podidentity.azuresim.world;

/**
 * Where a machine's IMDS listens. The real IMDS is 169.254.169.254:80 on every VM; the simulator gives each machine
 * its own address instead (loopback with a free port by default, or an address inside a test's network namespace).
 */
public record ImdsBinding(String host, int port) {
  public static final ImdsBinding LOOPBACK_ANY_PORT = new ImdsBinding("127.0.0.1", 0);

  public ImdsBinding {
    if (host == null || host.isBlank() || port < 0 || port > 65535) {
      throw new IllegalArgumentException("invalid IMDS binding " + host + ":" + port);
    }
  }
}
