package io.podidentity.nmi.decide;

import io.podidentity.common.model.AzureIdentity;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The final answer to a token request before any token is fetched; {@code http.DecisionResponses} maps each case to
 * the original's status code and body (§3.4).
 */
public sealed interface TokenDecision extends Verdict {

  /** The pod may have a token for {@code identity}: fetch one for {@code resource}. */
  record Issue(AzureIdentity identity, String resource) implements TokenDecision {
    public Issue {
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(resource, "resource");
    }
  }

  /**
   * An excepted pod or MIC itself: a token of the node's own identities straight from IMDS, the user-assigned one
   * named by {@code clientId} or, when it is empty, the system-assigned one.
   */
  record IssueNodeToken(String clientId, String resource) implements TokenDecision {
    public IssueNodeToken {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(resource, "resource");
    }
  }

  /**
   * No identity this pod may use matches the request, after the waits the settings allow: 404, or 503 with
   * {@code Retry-After} when {@code retryAfter} is present.
   */
  record NotAssigned(String message, Optional<Duration> retryAfter) implements TokenDecision {
    public NotAssigned {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    NotAssigned withRetryAfter(Duration after) {
      return new NotAssigned(message, Optional.of(after));
    }
  }

  /** The request itself is wrong (a parameter or header missing): 400 with {@code reason} as plain text. */
  record Invalid(String reason) implements TokenDecision {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** {@code Metadata: true} is required and was not sent: 400 with the IMDS-style JSON error. */
  record MetadataRequired() implements TokenDecision {}

  /** The caller cannot be told apart (no pod for the address, or not a host process): 500 with {@code message}. */
  record UnknownCaller(String message) implements TokenDecision {
    public UnknownCaller {
      Objects.requireNonNull(message, "message");
    }
  }

  /** The client went away while the request waited; nothing is fetched. */
  record Abandoned() implements TokenDecision {}
}
