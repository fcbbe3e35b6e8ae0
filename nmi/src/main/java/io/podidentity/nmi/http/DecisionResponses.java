package io.podidentity.nmi.http;

import io.podidentity.nmi.decide.TokenDecision;
import io.podidentity.nmi.token.IssuedToken;
import io.podidentity.nmi.token.TokenOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one place where decisions and token outcomes become status codes and bodies, keeping the original's table
 * (§3.4): 400 for a bad request (JSON for the missing Metadata header, plain text otherwise), 500 for an unknown
 * caller, 404 (or 503 with Retry-After) when no identity may be used, 403 when the upstream refused, 503 when it
 * could not be asked (and, NMI's own addition, 503 with Retry-After when the queue in front of IMDS is full).
 */
public final class DecisionResponses {
  static final String METADATA_REQUIRED =
      "{\"error\":\"invalid_request\",\"error_description\":\"Required metadata header not specified\"}\n";
  static final int BUSY_RETRY_AFTER_SECONDS = 1;

  /** How a successful answer is shaped. */
  public enum Shape {
    /** The pod endpoint: one token object, or an array for several tenants. */
    POD,
    /** The host endpoint: {@code {"token":..., "clientid":...}} with the first token. */
    HOST,
    /** The node's own identity for an excepted pod or MIC: one object; any failure is 403, as the original. */
    NODE
  }

  private DecisionResponses() {}

  /** The answer to a decision that fetches nothing; {@code Issue} cases are answered by {@link #of(TokenOutcome)}. */
  public static Answer of(TokenDecision decision) {
    return switch (decision) {
      case TokenDecision.MetadataRequired m -> metadataRequired();
      case TokenDecision.Invalid invalid -> Answer.plain(400, invalid.reason());
      case TokenDecision.UnknownCaller unknown -> Answer.plain(500, unknown.message());
      case TokenDecision.NotAssigned notAssigned -> notAssigned.retryAfter()
          .map(after -> Answer.plain(503, notAssigned.message(),
              Map.of("Retry-After", Long.toString(after.toSeconds()))))
          .orElseGet(() -> Answer.plain(404, notAssigned.message()));
      case TokenDecision.Abandoned abandoned -> Answer.plain(404, "context canceled");
      case TokenDecision.Issue issue -> throw new IllegalArgumentException("an Issue decision needs a token");
      case TokenDecision.IssueNodeToken issue -> throw new IllegalArgumentException("an Issue decision needs a token");
    };
  }

  /** The answer to a fetched token. */
  public static Answer of(TokenOutcome outcome, Shape shape, String clientId, Instant now) {
    return switch (outcome) {
      case TokenOutcome.Issued issued -> Answer.json(200, Answer.JSON, body(issued.tokens(), shape, clientId, now));
      case TokenOutcome.Refused refused -> Answer.plain(403, refused.message());
      case TokenOutcome.Unavailable unavailable -> Answer.plain(shape == Shape.NODE ? 403 : 503, unavailable.message());
      case TokenOutcome.Busy busy -> Answer.plain(503, busy.message(),
          Map.of("Retry-After", Integer.toString(BUSY_RETRY_AFTER_SECONDS)));
    };
  }

  /** 400 with the JSON error IMDS itself answers when {@code Metadata: true} is missing. */
  public static Answer metadataRequired() {
    return Answer.json(400, "application/json; charset=utf-8", METADATA_REQUIRED);
  }

  private static String body(List<IssuedToken> tokens, Shape shape, String clientId, Instant now) {
    return switch (shape) {
      case POD -> tokens.size() == 1 ? TokenJson.object(tokens.getFirst(), now) : TokenJson.array(tokens, now);
      case HOST -> TokenJson.host(tokens.getFirst(), clientId, now);
      case NODE -> TokenJson.object(tokens.getFirst(), now);
    };
  }
}
