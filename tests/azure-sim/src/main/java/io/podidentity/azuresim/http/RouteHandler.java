package io.podidentity.azuresim.http;

/** A handler that also receives the path segments its route captured. */
@FunctionalInterface
public interface RouteHandler {
  SimResponse handle(SimRequest request, PathParams params);
}
