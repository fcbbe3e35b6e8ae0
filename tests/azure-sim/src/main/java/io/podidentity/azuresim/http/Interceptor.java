package io.podidentity.azuresim.http;

/**
 * Wraps every routed request with cross-cutting behaviour that needs the operation name: counting, latency and
 * fault injection. Implementations call {@code next} to proceed or return their own response.
 */
@FunctionalInterface
public interface Interceptor {
  SimResponse intercept(String operation, SimRequest request, Handler next);

  Interceptor NONE = (operation, request, next) -> next.handle(request);
}
