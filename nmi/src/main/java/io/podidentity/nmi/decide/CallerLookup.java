package io.podidentity.nmi.decide;

import java.util.List;
import java.util.Objects;

/**
 * Which pod a source address belongs to: exactly one attributable pod of this node, or the original's error text
 * ({@code pod list is empty}, {@code failed to match pod IP <ip> with [...]}), which the caller answers with 500.
 */
public sealed interface CallerLookup {

  record Found(PodInfo pod) implements CallerLookup {
    public Found {
      Objects.requireNonNull(pod, "pod");
    }
  }

  record Unknown(String message) implements CallerLookup {
    public Unknown {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Matches {@code address} among the pods holding it. Pods on the host network never match: their address is the
   * node's, shared by every process on it, so it proves nothing about the caller.
   */
  static CallerLookup match(String address, List<PodInfo> holders) {
    List<PodInfo> matching = holders.stream().filter(PodInfo::attributable).toList();
    if (matching.size() == 1) {
      return new Found(matching.getFirst());
    }
    if (matching.isEmpty()) {
      return new Unknown("pod list is empty");
    }
    return new Unknown("failed to match pod IP " + address + " with "
        + matching.stream().map(p -> p.ref().toString()).toList());
  }

}
