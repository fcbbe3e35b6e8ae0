package io.podidentity.nmi.http;

import io.podidentity.nmi.cluster.ClusterListener;
import io.podidentity.nmi.cluster.ClusterView;
import io.podidentity.nmi.config.NmiSettings;
import io.podidentity.nmi.decide.CallerLookup;
import io.podidentity.nmi.decide.PolicySettings;
import io.podidentity.nmi.decide.TokenDecision;
import io.podidentity.nmi.decide.TokenRequest;
import io.podidentity.nmi.decide.TokenRequestPolicy;
import io.podidentity.nmi.decide.Verdict;
import io.podidentity.nmi.wait.ClientConnection;
import io.podidentity.nmi.wait.Recheck;
import io.podidentity.nmi.wait.Rechecks;
import io.podidentity.common.model.PodRef;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the pure decisions against the caches with the original's waits: the caller's pod is looked up again on pod
 * events and every {@code pod-lookup-interval} up to {@code pod-lookup-retries} times; the token decision is
 * re-evaluated on assignment events and at every {@code find-identity-retry-interval} (the attempt number advancing),
 * until it is final. A client hanging up ends either wait.
 */
public final class TokenDecider implements ClusterListener {
  private final ClusterView cluster;
  private final Rechecks rechecks;
  private final PolicySettings policy;
  private final NmiSettings.Http http;

  public TokenDecider(ClusterView cluster, Rechecks rechecks, PolicySettings policy, NmiSettings.Http http) {
    this.cluster = cluster;
    this.rechecks = rechecks;
    this.policy = policy;
    this.http = http;
  }

  /** The pod of this node at {@code address}, or the original's error text. */
  public CompletableFuture<CallerLookup> caller(String address, Optional<ClientConnection> connection) {
    return rechecks.await(new Recheck<>(Set.of(addressKey(address)), http.podLookupInterval(), attempt -> {
      CallerLookup lookup = CallerLookup.match(address, cluster.podsWithAddress(address));
      boolean last = attempt >= http.podLookupRetries();
      return lookup instanceof CallerLookup.Found || last ? Optional.of(lookup) : Optional.empty();
    }, connection, new CallerLookup.Unknown("context canceled")));
  }

  /** The final decision for {@code request}. */
  public CompletableFuture<TokenDecision> decide(TokenRequest request, Optional<ClientConnection> connection) {
    return rechecks.await(new Recheck<>(Set.of(request.podRef()), policy.retryInterval(), attempt -> {
      Verdict verdict = TokenRequestPolicy.decide(request, cluster.identities(request.podRef()), attempt, policy);
      return switch (verdict) {
        case TokenDecision decision -> Optional.of(decision);
        case Verdict.Waiting waiting -> Optional.empty();
      };
    }, connection, new TokenDecision.Abandoned()));
  }

  @Override
  public void addressChanged(String canonicalAddress) {
    rechecks.changed(addressKey(canonicalAddress));
  }

  @Override
  public void identitiesChanged(PodRef pod) {
    rechecks.changed(pod);
  }

  @Override
  public void allIdentitiesChanged() {
    rechecks.changedAll();
  }

  private static String addressKey(String address) {
    return "address " + address;
  }
}
