package io.podidentity.nmi.http;

import io.helidon.webserver.http.ServerRequest;
import io.podidentity.nmi.config.IpLiterals;
import io.podidentity.nmi.wait.ClientConnection;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.Set;

/**
 * The caller's address as NMI compares it with pods' addresses: canonical text for IPv4 and IPv6 alike (the original
 * could not parse IPv6 remote addresses and answered 500). The host endpoint accepts only the node's loopback
 * address, {@code 127.0.0.1} or {@code ::1}, as the original accepted only {@code 127.0.0.1}.
 */
final class CallerAddress {
  private static final Set<String> HOST_LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1");

  private CallerAddress() {}

  static Optional<String> of(ServerRequest request) {
    return inet(request.remotePeer().address()).map(a -> IpLiterals.canonical(a.getAddress()));
  }

  static boolean fromHostLoopback(ServerRequest request) {
    return of(request).map(HOST_LOOPBACK::contains).orElse(false);
  }

  static Optional<ClientConnection> connection(ServerRequest request) {
    Optional<InetSocketAddress> remote = inet(request.remotePeer().address());
    Optional<InetSocketAddress> local = inet(request.localPeer().address());
    return remote.isPresent() && local.isPresent()
        ? Optional.of(new ClientConnection(local.get(), remote.get()))
        : Optional.empty();
  }

  private static Optional<InetSocketAddress> inet(SocketAddress address) {
    return address instanceof InetSocketAddress inet && inet.getAddress() != null
        ? Optional.of(inet)
        : Optional.empty();
  }
}
