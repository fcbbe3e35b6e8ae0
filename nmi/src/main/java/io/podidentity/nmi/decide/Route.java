package io.podidentity.nmi.decide;

/**
 * Where a request goes, in the original's order (§3.3). {@link #label()} is the bounded {@code operation_type}
 * metric label, used instead of the raw path the original recorded.
 */
public enum Route {
  /** {@code /{metadata}/identity/oauth2/token...}: the pod token endpoint. */
  TOKEN("token"),
  /** A path that looks like the token path but is not exactly it: 400 {@code Invalid request}. */
  INVALID_TOKEN_PATH("invalid_token_path"),
  /** A target refused before routing (see {@link RequestTarget#check}): 400 {@code Invalid request}. */
  INVALID_TARGET("invalid_target"),
  /** {@code /host/token...}: node processes asking on behalf of a pod. */
  HOST_TOKEN("host_token"),
  /** {@code /{metadata}/instance...} while {@code --block-instance-metadata} is set: 403. */
  INSTANCE_BLOCKED("instance_blocked"),
  /** Everything else: passed through to IMDS. */
  PROXY("proxy");

  private final String label;

  Route(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
