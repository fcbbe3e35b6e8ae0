package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.http.SimResponse;

/** Whether an ARM request carried an acceptable bearer token. */
public sealed interface ArmAuthentication {
  record Authenticated(Caller caller) implements ArmAuthentication {}

  record Rejected(SimResponse response) implements ArmAuthentication {}
}
