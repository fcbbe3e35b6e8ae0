package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.http.Handler;
import io.podidentity.azuresim.http.Interceptor;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Adds the headers ARM puts on every response: request, correlation and routing ids and the no-cache trio. Wraps the
 * operation interceptor so faults injected there get them too.
 */
public final class ArmResponses implements Interceptor {
  private static final DateTimeFormatter ROUTING =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Interceptor inner;
  private final Clock clock;

  public ArmResponses(Interceptor inner, Clock clock) {
    this.inner = inner;
    this.clock = clock;
  }

  @Override
  public SimResponse intercept(String operation, SimRequest request, Handler next) {
    return decorate(inner.intercept(operation, request, next), request, clock);
  }

  public static SimResponse decorate(SimResponse response, SimRequest request, Clock clock) {
    String requestId = UUID.randomUUID().toString();
    String correlation = request.header("x-ms-correlation-request-id").orElse(requestId);
    return response.withHeader("Cache-Control", "no-cache").withHeader("Pragma", "no-cache")
        .withHeader("Expires", "-1").withHeader("x-ms-request-id", requestId)
        .withHeader("x-ms-correlation-request-id", correlation)
        .withHeader("x-ms-routing-request-id", "WESTEUROPE:" + ROUTING.format(clock.instant()) + ":" + requestId);
  }
}
