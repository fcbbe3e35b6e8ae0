package io.podidentity.nmi.wait;

import java.net.InetSocketAddress;
import java.util.Objects;

/** The TCP connection a request came on, as the server sees it: its own end and the client's. */
public record ClientConnection(InetSocketAddress local, InetSocketAddress remote) {
  public ClientConnection {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
  }
}
