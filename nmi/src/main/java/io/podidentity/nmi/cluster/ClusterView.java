package io.podidentity.nmi.cluster;

import io.podidentity.common.model.PodRef;
import io.podidentity.common.model.SecretRef;
import io.podidentity.nmi.decide.IdentityView;
import io.podidentity.nmi.decide.PodInfo;
import io.podidentity.nmi.token.SecretLookup;
import java.util.List;
import java.util.Optional;

/**
 * NMI's read-only view of the cluster, served from caches (never an API call per request): this node's pods by
 * address and by name, what a pod may use in the configured mode, and the Secrets service principals need.
 */
public interface ClusterView extends AutoCloseable {

  /** Starts watching; the caches fill in the background ({@link #synced()} tells when). */
  default void start() {}

  /** Stops watching. */
  @Override
  default void close() {}

  /** The pods of this node holding {@code canonicalAddress} (see {@code IpLiterals.canonical}), in any phase. */
  List<PodInfo> podsWithAddress(String canonicalAddress);

  /** A pod of this node by namespace and name. */
  Optional<PodInfo> pod(PodRef ref);

  /** What {@code pod} may use: its assigned identities (standard) or its namespace's bindings (managed). */
  IdentityView identities(PodRef pod);

  /** A Secret named by a service principal identity; watched once referenced, never read per request. */
  SecretLookup secret(SecretRef ref);

  /** Whether every cache holds its first full list. */
  boolean synced();

  /** Registers a listener for changes; called on informer threads, so it must be quick. */
  void subscribe(ClusterListener listener);
}
