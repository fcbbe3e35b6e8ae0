package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.http.SimResponse;
import java.util.Map;

/** Whether ARM's front door let a request through to the resource provider. */
public sealed interface Admission {
  /** Admitted: who called, the api-version, and the rate-limit headers to return. */
  record Admitted(Caller caller, String apiVersion, Map<String, String> headers) implements Admission {
    public Admitted {
      headers = Map.copyOf(headers);
    }
  }

  record Refused(SimResponse response) implements Admission {}
}
