package io.podidentity.nmi;

import io.podidentity.nmi.cluster.ClusterView;
import io.podidentity.nmi.config.NmiSettings;
import io.podidentity.nmi.http.ImdsRequests;
import io.podidentity.nmi.http.TokenDecider;
import io.podidentity.nmi.metrics.NmiMetrics;
import io.podidentity.nmi.net.CommandRunner;
import io.podidentity.nmi.net.RuleSync;
import io.podidentity.nmi.token.AadTokenClient;
import io.podidentity.nmi.token.ImdsGate;
import io.podidentity.nmi.token.ImdsTokenClient;
import io.podidentity.nmi.token.TokenCache;
import io.podidentity.nmi.token.TokenService;
import io.podidentity.nmi.wait.ConnectionProbe;
import io.podidentity.nmi.wait.Rechecks;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds NMI from its settings and the outside world it is given (cluster view, command runner, clock, connection
 * probe), so tests can build the same NMI around fakes. Nothing starts here; {@link NmiRuntime#start()} does that.
 */
public final class NmiWiring {
  private NmiWiring() {}

  public static NmiRuntime connect(NmiSettings settings, ClusterView cluster, CommandRunner commands, Clock clock,
      ConnectionProbe probe, NmiMetrics metrics) {
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon()
        .name("nmi-scheduler-", 0).factory());
    ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(virtual)
        .connectTimeout(settings.imds().timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    NmiSettings.Imds imds = settings.imds();
    ImdsGate gate = new ImdsGate(imds.maxConcurrent(), imds.maxPerSecond(), imds.maxQueue(), imds.queueTimeout(),
        clock, scheduler);
    String agent = userAgent(settings);
    ImdsTokenClient imdsTokens = new ImdsTokenClient(http, imds, gate, clock, scheduler, agent, metrics);
    AadTokenClient aad = new AadTokenClient(settings.aad().timeout(),
        settings.aad().trustStore().map(t -> t.sslContext().getSocketFactory()), virtual, clock, metrics);
    TokenCache cache = new TokenCache(clock, settings.cache(), metrics::cacheLookup);
    TokenService tokens = new TokenService(cache, imdsTokens, aad, cluster);
    Rechecks rechecks = new Rechecks(scheduler, probe, settings.http().disconnectCheck());
    TokenDecider decider = new TokenDecider(cluster, rechecks, settings.policy(), settings.http());
    ImdsRequests requests = ImdsRequests.create(settings, cluster, decider, tokens, http, metrics, clock);
    RuleSync rules = new RuleSync(settings, commands, scheduler);
    return new NmiRuntime(cluster, rechecks, decider, tokens, rules, requests, metrics, scheduler, List.of(virtual));
  }

  /** The original's user agent shape, with {@code --custom-user-agent} appended. */
  public static String userAgent(NmiSettings settings) {
    String base = "aad-pod-identity/NMI/" + NmiMain.VERSION + "/podidentity-java";
    String custom = settings.kubernetes().userAgent();
    return custom.isEmpty() ? base : base + " " + custom;
  }
}
