package io.podidentity.azuresim.control;

import java.util.Map;

/** What an injected fault does instead of serving the operation. */
public sealed interface FaultEffect {

  /** Answers with this status, headers and body (for example a 500, or a 429 with Retry-After). */
  record Respond(int status, Map<String, String> headers, String body) implements FaultEffect {
    public Respond {
      headers = Map.copyOf(headers);
      body = body == null ? "" : body;
    }
  }

  /** Closes the connection without answering. */
  record DropConnection() implements FaultEffect {}
}
