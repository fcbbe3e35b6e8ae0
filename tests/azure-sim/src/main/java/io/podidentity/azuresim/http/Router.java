package io.podidentity.azuresim.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method and path to a named operation. Patterns use {@code {name}} for one path segment ({@code {name*}} for the
 * rest of the path, slashes included) and match case-insensitively, because ARM treats resource paths (provider,
 * type, group names) case-insensitively. The operation name is what counters and fault rules are keyed by.
 */
public final class Router {
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(\\*?)}");

  private final List<Route> routes = new ArrayList<>();

  /** A resolved route: the operation name and the handler with its path parameters bound. */
  public record Match(String operation, Handler handler) {}

  private record Route(String method, Pattern pattern, List<String> names, String operation, RouteHandler handler) {}

  public Router add(String method, String template, String operation, RouteHandler handler) {
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder();
    Matcher m = PARAM.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())))
          .append(m.group(2).isEmpty() ? "([^/]+)" : "(.*)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last))).append("/?");
    routes.add(new Route(method, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE), names, operation,
        handler));
    return this;
  }

  /** The first route whose method and pattern match; routes are tried in the order they were added. */
  public Optional<Match> find(String method, String path) {
    for (Route route : routes) {
      Matcher m = route.pattern().matcher(path);
      if (route.method().equalsIgnoreCase(method) && m.matches()) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < route.names().size(); i++) {
          values.put(route.names().get(i), m.group(i + 1));
        }
        PathParams params = new PathParams(values);
        return Optional.of(new Match(route.operation(), request -> route.handler().handle(request, params)));
      }
    }
    return Optional.empty();
  }

  /** Whether some route matches the path with another method (so the caller can answer 405 instead of 404). */
  public boolean knowsPath(String path) {
    return routes.stream().anyMatch(r -> r.pattern().matcher(path).matches());
  }
}
