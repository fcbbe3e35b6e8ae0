package io.podidentity.azuresim;

import java.net.URI;
import java.util.Map;

/**
 * Where a running simulator listens. {@code arm} is the Resource Manager endpoint and {@code aad} the authority host
 * (both HTTPS with trailing slash); {@code imds} maps each machine's ARM id (a VM, or
 * {@code .../virtualMachineScaleSets/{ss}/virtualMachines/{i}}) to its plain-HTTP IMDS base URL.
 */
public record Endpoints(URI arm, URI aad, URI admin, Map<String, URI> imds) {
  public Endpoints {
    imds = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(imds));
  }
}
