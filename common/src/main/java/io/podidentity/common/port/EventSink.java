package io.podidentity.common.port;

/**
 * Records Kubernetes Events for people running {@code kubectl describe}: the original's reasons and messages, from
 * source component {@code aadpodidentity.k8s.io}. Recording never fails the caller.
 */
public interface EventSink {

  void record(ClusterEvent event);
}
