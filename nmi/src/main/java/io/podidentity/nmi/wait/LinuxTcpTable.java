package io.podidentity.nmi.wait;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ConnectionProbe} reading the kernel's socket tables ({@code /proc/net/tcp} and {@code tcp6}) of NMI's own
 * network namespace: a connection whose server socket is in CLOSE_WAIT (the client sent FIN) is closed. A connection
 * not found, or a table that cannot be read, tells nothing: it counts as open, so a misreading never ends a wait.
 */
public final class LinuxTcpTable implements ConnectionProbe {
  // CLOSE_WAIT: the client sent FIN; CLOSE: both ends are closing.
  private static final Set<String> CLOSING = Set.of("08", "07");
  private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

  @Override
  public Set<ClientConnection> closed(Collection<ClientConnection> connections) {
    Optional<Map<ClientConnection, String>> states = read();
    if (states.isEmpty()) {
      return Set.of();
    }
    Set<ClientConnection> closed = new HashSet<>();
    for (ClientConnection c : connections) {
      if (CLOSING.contains(states.get().get(normalise(c)))) {
        closed.add(c);
      }
    }
    return closed;
  }

  private static Optional<Map<ClientConnection, String>> read() {
    Map<ClientConnection, String> states = new HashMap<>();
    boolean any = false;
    for (Path table : TABLES) {
      try {
        for (String line : Files.readAllLines(table)) {
          parse(line).ifPresent(entry -> states.put(entry.getKey(), entry.getValue()));
        }
        any = true;
      } catch (IOException | RuntimeException e) {
        // This table is missing (no IPv6) or unreadable: the other may still tell.
      }
    }
    return any ? Optional.of(states) : Optional.empty();
  }

  /** One row: {@code sl local_address rem_address st ...}, addresses in the kernel's hex byte order. */
  static Optional<Map.Entry<ClientConnection, String>> parse(String line) {
    String[] f = line.strip().split("\\s+");
    if (f.length < 4 || !f[0].endsWith(":")) {
      return Optional.empty();
    }
    Optional<InetSocketAddress> local = address(f[1]);
    Optional<InetSocketAddress> remote = address(f[2]);
    if (local.isEmpty() || remote.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Map.entry(new ClientConnection(local.get(), remote.get()), f[3]));
  }

  private static Optional<InetSocketAddress> address(String hex) {
    int colon = hex.indexOf(':');
    if (colon < 0 || (colon != 8 && colon != 32)) {
      return Optional.empty();
    }
    byte[] bytes = new byte[colon / 2];
    // The kernel prints each 32-bit word of the address in host (little-endian) byte order.
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int b = 0; b < 4; b++) {
        int at = word * 8 + (3 - b) * 2;
        bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    try {
      return Optional.of(new InetSocketAddress(InetAddress.getByAddress(bytes),
          Integer.parseInt(hex.substring(colon + 1), 16)));
    } catch (UnknownHostException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static ClientConnection normalise(ClientConnection c) {
    return new ClientConnection(plain(c.local()), plain(c.remote()));
  }

  private static InetSocketAddress plain(InetSocketAddress a) {
    try {
      return new InetSocketAddress(InetAddress.getByAddress(a.getAddress().getAddress()), a.getPort());
    } catch (UnknownHostException e) {
      return a;
    }
  }
}
