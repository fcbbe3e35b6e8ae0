package io.podidentity.azuresim.http;

/**
 * Thrown by a handler (normally the fault injector) to make the listener close the TCP connection without any
 * response, the way a crashed or partitioned service looks to a client.
 */
public final class DroppedConnection extends RuntimeException {
  public DroppedConnection() {
    super("connection dropped by fault injection", null, false, false);
  }
}
