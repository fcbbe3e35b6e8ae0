package io.podidentity.nmi.testing;

import io.podidentity.nmi.cluster.ClusterView;
import io.podidentity.nmi.net.CommandRunner;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Replaces the API server and the command runner of the NMI under test with {@link TestWorld}'s fakes. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestProducers {

  @Produces
  @Singleton
  public ClusterView cluster() {
    return TestWorld.CLUSTER;
  }

  @Produces
  @Singleton
  public CommandRunner commands() {
    return TestWorld.COMMANDS;
  }
}
