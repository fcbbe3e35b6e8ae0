package io.podidentity.nmi.net;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Deletes the conntrack entries of TCP connections to the metadata address and port (§3.8,
 * {@code --enable-conntrack-deletion}), so keep-alive connections a pod opened before the rules existed go through
 * NMI from then on. Uses the {@code conntrack} tool; "0 flow entries" is success, not an error.
 */
public final class ConntrackFlusher {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private ConntrackFlusher() {}

  /** Empty on success, else why it failed. */
  public static Optional<String> flush(CommandRunner runner, String metadataIp, int metadataPort) {
    CommandRunner.Result result = runner.run(List.of("conntrack", "-D", "-p", "tcp", "--orig-dst", metadataIp,
        "--orig-port-dst", Integer.toString(metadataPort)), TIMEOUT);
    if (result.ok() || result.stderr().contains("0 flow entries have been deleted")) {
      return Optional.empty();
    }
    return Optional.of("failed to delete conntrack entries for " + metadataIp + ":" + metadataPort + ": "
        + result.describe());
  }
}
