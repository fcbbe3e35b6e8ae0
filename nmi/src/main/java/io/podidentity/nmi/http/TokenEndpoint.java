package io.podidentity.nmi.http;

import io.helidon.webserver.http.ServerRequest;
import io.podidentity.nmi.decide.CallerLookup;
import io.podidentity.nmi.decide.FrontChecks;
import io.podidentity.nmi.decide.QueryString;
import io.podidentity.nmi.decide.RequestTarget;
import io.podidentity.nmi.decide.TokenDecision;
import io.podidentity.nmi.decide.TokenParameters;
import io.podidentity.nmi.decide.TokenRequest;
import io.podidentity.nmi.wait.ClientConnection;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code /metadata/identity/oauth2/token} (§3.4): the front checks, the caller's pod by source address, the
 * decision with its waits, the token. Any HTTP method is accepted, as in the original.
 */
final class TokenEndpoint {
  private final boolean metadataRequired;
  private final TokenIssuance issuance;
  private final Consumer<String> kubernetesError;

  TokenEndpoint(boolean metadataRequired, TokenIssuance issuance, Consumer<String> kubernetesError) {
    this.metadataRequired = metadataRequired;
    this.issuance = issuance;
    this.kubernetesError = kubernetesError;
  }

  Answer answer(RequestTarget target, ServerRequest request) {
    TokenParameters parameters = TokenParameters.of(QueryString.parse(target.rawQuery()));
    Optional<String> address = CallerAddress.of(request);
    String metadata = request.headers().first(Headers.METADATA).orElse(null);
    Optional<TokenDecision> refused = FrontChecks.podEndpoint(metadataRequired, metadata, address.isPresent(),
        parameters);
    if (refused.isPresent()) {
      return DecisionResponses.of(refused.get());
    }
    Optional<ClientConnection> connection = CallerAddress.connection(request);
    CallerLookup caller = issuance.decider().caller(address.get(), connection).join();
    return switch (caller) {
      case CallerLookup.Unknown unknown -> {
        kubernetesError.accept("get_pod_list");
        yield DecisionResponses.of(new TokenDecision.UnknownCaller(unknown.message()))
            .labelled("", parameters.resource());
      }
      case CallerLookup.Found found -> issuance.answer(TokenRequest.fromPod(found.pod(), parameters), connection,
          DecisionResponses.Shape.POD);
    };
  }
}
