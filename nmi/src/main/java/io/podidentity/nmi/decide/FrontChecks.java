package io.podidentity.nmi.decide;

import java.util.Optional;

/**
 * The checks made before any lookup, in the original's order. The pod endpoint: {@code Metadata: true} when
 * required (the exact, case-sensitive value), a usable source address, a {@code resource}. The host endpoint: the
 * {@code podns} and {@code podname} headers, a caller on the node's loopback address, a {@code resource}.
 */
public final class FrontChecks {
  static final String NO_RESOURCE = "parameter resource cannot be empty";

  private FrontChecks() {}

  public static Optional<TokenDecision> podEndpoint(boolean metadataRequired, String metadataHeader,
      boolean addressKnown, TokenParameters parameters) {
    if (metadataRequired && !"true".equals(metadataHeader)) {
      return Optional.of(new TokenDecision.MetadataRequired());
    }
    if (!addressKnown) {
      return Optional.of(new TokenDecision.UnknownCaller("request remote address is empty"));
    }
    return resource(parameters);
  }

  public static Optional<TokenDecision> hostEndpoint(String podNamespace, String podName, boolean fromLoopback,
      TokenParameters parameters) {
    if (podNamespace == null || podNamespace.isBlank() || podName == null || podName.isBlank()) {
      return Optional.of(new TokenDecision.Invalid("missing 'podname' and 'podns' from request header"));
    }
    if (!fromLoopback) {
      return Optional.of(new TokenDecision.UnknownCaller("request remote address is not from a host"));
    }
    return resource(parameters);
  }

  private static Optional<TokenDecision> resource(TokenParameters parameters) {
    return parameters.resource().isEmpty()
        ? Optional.of(new TokenDecision.Invalid(NO_RESOURCE))
        : Optional.empty();
  }
}
