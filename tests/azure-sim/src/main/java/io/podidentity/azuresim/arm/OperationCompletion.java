package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.http.SimResponse;

/** What the resource does when its long-running operation ends, and how to render it afterwards. */
public interface OperationCompletion {
  void succeeded();

  void failed();

  /** The resource as a GET would return it now (the final result of a Location poll). */
  SimResponse currentResource();
}
