package io.podidentity.nmi.http;

import io.podidentity.nmi.decide.TokenDecision;
import io.podidentity.nmi.decide.TokenRequest;
import io.podidentity.nmi.token.TokenService;
import io.podidentity.nmi.wait.ClientConnection;
import java.time.Clock;
import java.util.Optional;

/**
 * Decides a token request and, when the decision allows a token, fetches it; both token endpoints end here. The
 * answer is labelled with the pod's namespace and the resource for the request metric.
 */
final class TokenIssuance {
  private final TokenDecider decider;
  private final TokenService tokens;
  private final Clock clock;

  TokenIssuance(TokenDecider decider, TokenService tokens, Clock clock) {
    this.decider = decider;
    this.tokens = tokens;
    this.clock = clock;
  }

  Answer answer(TokenRequest request, Optional<ClientConnection> connection, DecisionResponses.Shape shape) {
    TokenDecision decision = decider.decide(request, connection).join();
    Answer answer = switch (decision) {
      case TokenDecision.Issue issue -> DecisionResponses.of(tokens.token(issue).join(), shape,
          issue.identity().clientId().value(), clock.instant());
      case TokenDecision.IssueNodeToken node -> DecisionResponses.of(tokens.nodeToken(node).join(),
          DecisionResponses.Shape.NODE, node.clientId(), clock.instant());
      default -> DecisionResponses.of(decision);
    };
    // Only a cached pod's namespace becomes a label: header values from the host endpoint are not bounded.
    String namespace = request.pod().map(p -> p.ref().namespace()).orElse("");
    return answer.labelled(namespace, request.parameters().resource());
  }

  TokenDecider decider() {
    return decider;
  }
}
