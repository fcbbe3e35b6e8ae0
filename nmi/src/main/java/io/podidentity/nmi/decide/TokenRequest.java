package io.podidentity.nmi.decide;

import io.podidentity.common.model.PodRef;
import java.util.Objects;
import java.util.Optional;

/**
 * A token request that passed the front checks: which endpoint it came through, for which pod ({@code pod} is the
 * cached pod when known; the host endpoint names a pod that may not be cached) and what it asks for.
 */
public record TokenRequest(Endpoint endpoint, PodRef podRef, Optional<PodInfo> pod, TokenParameters parameters) {

  /** The two token endpoints. */
  public enum Endpoint {
    /** {@code /metadata/identity/oauth2/token}: the caller is the pod at the source address. */
    POD,
    /** {@code /host/token}: a node process names the pod in headers. */
    HOST
  }

  public TokenRequest {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(podRef, "podRef");
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(parameters, "parameters");
  }

  /** A request from the pod at the source address. */
  public static TokenRequest fromPod(PodInfo pod, TokenParameters parameters) {
    return new TokenRequest(Endpoint.POD, pod.ref(), Optional.of(pod), parameters);
  }
}
