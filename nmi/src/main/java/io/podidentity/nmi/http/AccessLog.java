package io.podidentity.nmi.http;

import io.helidon.webserver.http.ServerRequest;
import io.podidentity.nmi.decide.Route;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One line per request, like the original's {@code status (...) took ... for req.method=... reg.path=...}: FINE for
 * successes and passed-through requests, INFO for refused token requests with the reason sent. Never the query (it
 * names identities), never a token: token answers are never printed, only their status.
 */
final class AccessLog {
  private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());
  private static final int LONGEST_PATH = 200;

  private AccessLog() {}

  static void log(ServerRequest request, Route route, Answer answer, Duration elapsed) {
    boolean tokenRoute = route == Route.TOKEN || route == Route.HOST_TOKEN;
    boolean refused = tokenRoute && answer.status() >= 400;
    Level level = refused ? Level.INFO : Level.FINE;
    if (!LOG.isLoggable(level)) {
      return;
    }
    String line = "answer request status=" + answer.status() + " route=" + route.label() + " method="
        + request.prologue().method().text() + " path=" + printable(request) + " remote="
        + CallerAddress.of(request).orElse("unknown") + " namespace=" + answer.namespace() + " took_ns="
        + elapsed.toNanos();
    LOG.log(level, refused ? line + " reason=\"" + answer.text() + "\"" : line);
  }

  /** The raw path with anything unprintable escaped and long paths cut, safe for a log line. */
  static String printable(ServerRequest request) {
    String raw = request.prologue().uriPath().rawPath();
    StringBuilder out = new StringBuilder(Math.min(raw.length(), LONGEST_PATH) + 8);
    for (int i = 0; i < raw.length() && out.length() < LONGEST_PATH; i++) {
      char c = raw.charAt(i);
      out.append(c > 0x20 && c < 0x7f && c != '"' ? String.valueOf(c) : String.format("\\x%02x", (int) c & 0xff));
    }
    return raw.length() > LONGEST_PATH ? out + "..." : out.toString();
  }
}
