package io.podidentity.nmi;

import io.podidentity.nmi.cluster.ClusterView;
import io.podidentity.nmi.config.NmiSettings;
import io.podidentity.nmi.config.NmiSettingsReader;
import io.podidentity.nmi.kubernetes.KubernetesCluster;
import io.podidentity.nmi.metrics.NmiMetrics;
import io.podidentity.nmi.net.CommandRunner;
import io.podidentity.nmi.net.ProcessCommandRunner;
import io.podidentity.nmi.wait.LinuxTcpTable;
import io.podidentity.runtime.kubernetes.KubernetesClientFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * CDI's view of NMI: settings from MicroProfile Config, metrics, the cluster view over the API server, the command
 * runner for iptables, and the {@link NmiRuntime} built by {@link NmiWiring}, closed when the container stops
 * (SIGTERM or SIGINT), which removes the redirect rules. Tests replace the cluster view and command runner with
 * alternatives.
 */
@ApplicationScoped
public class NmiProducers {

  @Produces
  @Singleton
  public NmiSettings settings(Config config) {
    return NmiSettingsReader.read(config);
  }

  @Produces
  @Singleton
  public NmiMetrics metrics() {
    return new NmiMetrics();
  }

  @Produces
  @Singleton
  public ClusterView cluster(NmiSettings settings) {
    return new KubernetesCluster(KubernetesClientFactory.create(NmiWiring.userAgent(settings),
        settings.kubernetes().kubeconfig(), System.getenv()), settings);
  }

  @Produces
  @Singleton
  public CommandRunner commands() {
    return new ProcessCommandRunner(List.of());
  }

  @Produces
  @Singleton
  public NmiRuntime runtime(NmiSettings settings, ClusterView cluster, CommandRunner commands, NmiMetrics metrics) {
    return NmiWiring.connect(settings, cluster, commands, Clock.systemUTC(), new LinuxTcpTable(), metrics);
  }

  public void close(@Disposes NmiRuntime runtime) {
    runtime.close();
  }
}
