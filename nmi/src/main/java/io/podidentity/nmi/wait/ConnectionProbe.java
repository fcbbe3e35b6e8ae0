package io.podidentity.nmi.wait;

import java.util.Collection;
import java.util.Set;

/**
 * Tells which connections the client has closed while their request waits. Servers read nothing from a connection
 * while its handler runs, so the close goes unnoticed otherwise; the original's Go server noticed it and ended the
 * wait with {@code context canceled}.
 */
public interface ConnectionProbe {

  /** The subset of {@code connections} known to be closed by the client; unknown ones count as open. */
  Set<ClientConnection> closed(Collection<ClientConnection> connections);

  /** Knows nothing: every connection counts as open. */
  ConnectionProbe NONE = connections -> Set.of();
}
