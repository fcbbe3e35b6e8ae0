package io.podidentity.azuresim.imds;

import io.podidentity.azuresim.control.Counters;
import io.podidentity.azuresim.http.HttpEndpoint;
import io.podidentity.azuresim.http.Interceptor;
import io.podidentity.azuresim.http.Router;
import io.podidentity.azuresim.world.ImdsBinding;
import io.podidentity.azuresim.world.MachineListener;
import io.podidentity.azuresim.world.MachineRef;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * One plain-HTTP IMDS listener per machine (standalone VM or scale-set instance), started when the machine appears in
 * the world and stopped when it goes. The real IMDS is 169.254.169.254:80 on every VM and tells VMs apart by where the
 * request comes from; the simulator tells them apart by listening address instead, so one process serves many VMs.
 */
public final class ImdsServers implements MachineListener, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ImdsServers.class.getName());

  private final ImdsTokenHandler tokens;
  private final InstanceMetadataHandler instances;
  private final Interceptor operations;
  private final AtomicBoolean limitsEnabled;
  private final Counters counters;
  private final Clock clock;
  private final Map<String, HttpEndpoint> endpoints = new ConcurrentHashMap<>();

  public ImdsServers(ImdsTokenHandler tokens, InstanceMetadataHandler instances, Interceptor operations,
      AtomicBoolean limitsEnabled, Counters counters, Clock clock) {
    this.tokens = tokens;
    this.instances = instances;
    this.operations = operations;
    this.limitsEnabled = limitsEnabled;
    this.counters = counters;
    this.clock = clock;
  }

  @Override
  public void machineAdded(MachineRef machine, ImdsBinding binding) {
    endpoints.computeIfAbsent(machine.key(), k -> {
      Router router = new Router()
          .add("GET", "/metadata/identity/oauth2/token", ImdsLimits.TOKEN_OPERATION,
              (r, p) -> tokens.handle(machine, r))
          .add("GET", "/metadata/instance", "imds_instance", (r, p) -> instances.instance(machine, r))
          .add("GET", "/metadata/instance/{rest*}", "imds_instance", (r, p) -> instances.instance(machine, r))
          .add("GET", "/metadata/versions", "imds_versions", (r, p) -> instances.versions(machine, r));
      Interceptor limits = new ImdsLimits(operations, limitsEnabled, counters, clock);
      HttpEndpoint endpoint = HttpEndpoint.start(binding.host(), binding.port(), null, router, limits,
          request -> router.knowsPath(request.path())
              ? ImdsErrors.methodNotAllowed(request.path(), request.method())
              : ImdsErrors.notFound(request.path(), request.method()));
      LOG.fine(() -> "started IMDS machine=" + machine.armId() + " url=" + endpoint.baseUri());
      return endpoint;
    });
  }

  @Override
  public void machineRemoved(MachineRef machine) {
    HttpEndpoint endpoint = endpoints.remove(machine.key());
    if (endpoint != null) {
      endpoint.close();
    }
  }

  /** The base URL of a machine's IMDS (what {@code AZURE_POD_IDENTITY_AUTHORITY_HOST} should be set to). */
  public Optional<URI> endpoint(MachineRef machine) {
    return Optional.ofNullable(endpoints.get(machine.key())).map(HttpEndpoint::baseUri);
  }

  public Map<String, URI> all() {
    Map<String, URI> all = new java.util.TreeMap<>();
    endpoints.forEach((k, v) -> all.put(k, v.baseUri()));
    return all;
  }

  @Override
  public void close() {
    endpoints.values().forEach(HttpEndpoint::close);
    endpoints.clear();
  }
}
