package io.podidentity.kubesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * client-java-extended's LeaderElector with a LeaseLock, unmodified: it creates the Lease (posting it without
 * kind), one candidate leads while it renews, and the other takes over within the lease duration once it stops.
 */
class LeaderElectionIT {
  private static final Duration LEASE = Duration.ofSeconds(3);

  private KubeSimulator sim;
  private final AtomicReference<String> leader = new AtomicReference<>();

  @BeforeEach
  void start() {
    sim = KubeSimulator.builder().start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void secondCandidateTakesOverWithinTheLeaseDurationAfterTheLeaderStops() throws Exception {
    ApiClient client = ClientBuilder.standard(false).setBasePath(sim.baseUrl()).build();
    LeaderElector first = elector("mic-1", client);
    LeaderElector second = elector("mic-2", client);
    Thread.ofVirtual().start(() -> first.run(() -> leader.set("mic-1"), () -> { }));
    await().atMost(Duration.ofSeconds(10)).until(() -> "mic-1".equals(leader.get()));
    Thread.ofVirtual().start(() -> second.run(() -> leader.set("mic-2"), () -> { }));

    await().during(LEASE.plusSeconds(1)).atMost(LEASE.plusSeconds(3)).until(() -> "mic-1".equals(leader.get()));
    assertThat(holder()).isEqualTo("mic-1");

    Instant stopped = Instant.now();
    first.close();
    await().atMost(LEASE.multipliedBy(2)).until(() -> "mic-2".equals(leader.get()));
    assertThat(Duration.between(stopped, Instant.now())).isLessThanOrEqualTo(LEASE.plusSeconds(1));
    assertThat(holder()).isEqualTo("mic-2");
    second.close();
  }

  private LeaderElector elector(String identity, ApiClient client) {
    LeaseLock lock = new LeaseLock("kube-system", "pod-identity-mic", identity, client);
    return new LeaderElector(new LeaderElectionConfig(lock, LEASE, Duration.ofSeconds(2), Duration.ofMillis(300)));
  }

  private String holder() {
    return sim.get("coordination.k8s.io/v1", "leases", "kube-system", "pod-identity-mic")
        .getAsJsonObject("spec").get("holderIdentity").getAsString();
  }
}
