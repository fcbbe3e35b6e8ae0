package io.podidentity.nmi.http;

import io.helidon.webserver.http.ServerRequest;
import io.podidentity.common.model.PodRef;
import io.podidentity.nmi.cluster.ClusterView;
import io.podidentity.nmi.decide.FrontChecks;
import io.podidentity.nmi.decide.QueryString;
import io.podidentity.nmi.decide.RequestTarget;
import io.podidentity.nmi.decide.TokenDecision;
import io.podidentity.nmi.decide.TokenParameters;
import io.podidentity.nmi.decide.TokenRequest;
import java.util.Optional;

/**
 * {@code /host/token} (§3.5): node processes (a CSI driver, say) ask on behalf of the pod named in the {@code podns}
 * and {@code podname} headers. Only from the node's loopback address; no Metadata header check and no exceptions,
 * as in the original; the answer wraps the first token with the identity's client ID.
 */
final class HostTokenEndpoint {
  private final TokenIssuance issuance;
  private final ClusterView cluster;

  HostTokenEndpoint(TokenIssuance issuance, ClusterView cluster) {
    this.issuance = issuance;
    this.cluster = cluster;
  }

  Answer answer(RequestTarget target, ServerRequest request) {
    TokenParameters parameters = TokenParameters.of(QueryString.parse(target.rawQuery()));
    String namespace = request.headers().first(Headers.POD_NAMESPACE).orElse(null);
    String name = request.headers().first(Headers.POD_NAME).orElse(null);
    Optional<TokenDecision> refused = FrontChecks.hostEndpoint(namespace, name,
        CallerAddress.fromHostLoopback(request), parameters);
    if (refused.isPresent()) {
      return DecisionResponses.of(refused.get()).labelled("", parameters.resource());
    }
    PodRef pod = new PodRef(namespace, name);
    TokenRequest tokenRequest = new TokenRequest(TokenRequest.Endpoint.HOST, pod, cluster.pod(pod), parameters);
    return issuance.answer(tokenRequest, CallerAddress.connection(request), DecisionResponses.Shape.HOST);
  }
}
