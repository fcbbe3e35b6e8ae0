package io.podidentity.azuresim.http;

/** Turns a request into a response; the unit every simulated operation is written as. */
@FunctionalInterface
public interface Handler {
  SimResponse handle(SimRequest request);
}
