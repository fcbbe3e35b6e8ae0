package io.podidentity.azuresim;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.aad.AadService;
import io.podidentity.azuresim.aad.AccessTokenIssuer;
import io.podidentity.azuresim.aad.ClientAuthenticator;
import io.podidentity.azuresim.aad.DiscoveryDocuments;
import io.podidentity.azuresim.aad.HttpIssuerKeySource;
import io.podidentity.azuresim.aad.TokenEndpoint;
import io.podidentity.azuresim.arm.ArmContext;
import io.podidentity.azuresim.arm.ArmFrontDoor;
import io.podidentity.azuresim.arm.ArmResponses;
import io.podidentity.azuresim.arm.ArmService;
import io.podidentity.azuresim.arm.ArmThrottling;
import io.podidentity.azuresim.arm.BearerTokenCheck;
import io.podidentity.azuresim.arm.IdentityAssignment;
import io.podidentity.azuresim.arm.LongRunningOperations;
import io.podidentity.azuresim.arm.Permissions;
import io.podidentity.azuresim.control.AdminService;
import io.podidentity.azuresim.control.Counters;
import io.podidentity.azuresim.control.FaultInjector;
import io.podidentity.azuresim.control.OperationInterceptor;
import io.podidentity.azuresim.http.HttpEndpoint;
import io.podidentity.azuresim.http.Interceptor;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.imds.ImdsServers;
import io.podidentity.azuresim.imds.ImdsTokenHandler;
import io.podidentity.azuresim.imds.InstanceMetadataHandler;
import io.podidentity.azuresim.jwt.TokenSigner;
import io.podidentity.azuresim.tls.TrustMaterial;
import io.podidentity.azuresim.world.MachineRef;
import io.podidentity.azuresim.world.World;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * The Azure simulator: Resource Manager and Azure AD over HTTPS with a CA made at start, one plain-HTTP IMDS per
 * machine, and a plain-HTTP admin endpoint, all serving one {@link World}. Start it with {@link #start()}, seed the
 * world, point clients at {@link #endpoints()} with {@link #clientSslContext()}, and close it when done.
 */
public final class AzureSimulator implements AutoCloseable {
  private final AzureSimOptions options;
  private final World world;
  private final Counters counters;
  private final FaultInjector faults;
  private final TrustMaterial trust;
  private final TokenSigner signer;
  private final ArmThrottling throttling;
  private final LongRunningOperations operations;
  private final AtomicBoolean imdsLimits;
  private final AccessTokenIssuer issuer;
  private final ScheduledExecutorService timer;
  private final ImdsServers imds;
  private final Interceptor intercept;
  private HttpEndpoint aad;
  private HttpEndpoint arm;
  private HttpEndpoint admin;

  private AzureSimulator(AzureSimOptions options) {
    this.options = options;
    this.world = new World();
    this.counters = new Counters();
    this.faults = new FaultInjector();
    this.trust = TrustMaterial.create(options.extraHosts());
    this.signer = new TokenSigner(trust.authority().issueClientCertificate("Pod Identity Azure simulator signing"));
    this.throttling = new ArmThrottling(options.clock(), options.throttling());
    this.operations = new LongRunningOperations(options.clock());
    this.imdsLimits = new AtomicBoolean(options.imdsLimits());
    this.issuer = new AccessTokenIssuer(signer, options.clock());
    this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("azure-sim-timer")
        .factory());
    this.intercept = new OperationInterceptor(counters, faults, timer);
    this.imds = new ImdsServers(new ImdsTokenHandler(world, issuer, options.tokens(), counters, options.clock()),
        new InstanceMetadataHandler(world), intercept, imdsLimits, counters, options.clock());
    world.compute().addListener(imds);
  }

  public static AzureSimulator start() {
    return start(AzureSimOptions.defaults());
  }

  public static AzureSimulator start(AzureSimOptions options) {
    AzureSimulator sim = new AzureSimulator(options);
    try {
      sim.listen();
      return sim;
    } catch (RuntimeException e) {
      sim.close();
      throw e;
    }
  }

  private void listen() {
    Clock clock = options.clock();
    SSLContext ssl = trust.serverSslContext();
    TokenEndpoint tokens = new TokenEndpoint(world, new ClientAuthenticator(world,
        new HttpIssuerKeySource(options.trustedIssuerHosts()), clock), issuer, options.tokens(), counters, clock);
    aad = HttpEndpoint.start(options.bindHost(), options.aadPort(), ssl,
        AadService.router(tokens, new DiscoveryDocuments(world, signer, clock)), intercept, AadService::notFound);
    BearerTokenCheck bearer = new BearerTokenCheck(signer.publicKey(), clock, aadUrl().toString());
    Permissions permissions = new Permissions(world.roles());
    ArmContext ctx = new ArmContext(world, new ArmFrontDoor(bearer, world, throttling, counters), permissions,
        throttling, operations, new IdentityAssignment(world, permissions), counters);
    arm = HttpEndpoint.start(options.bindHost(), options.armPort(), ssl, ArmService.router(ctx),
        new ArmResponses(intercept, clock), r -> ArmResponses.decorate(ArmService.notFound(r), r, clock));
    AdminService adminService = new AdminService(counters, faults, throttling, operations, imdsLimits, world,
        this::endpointsJson, clock);
    admin = HttpEndpoint.start(options.bindHost(), options.adminPort(), null, adminService.router(), Interceptor.NONE,
        r -> SimResponse.json(404, Json.object(Map.of("error", "no admin route " + r.path()))));
  }

  public World world() {
    return world;
  }

  public Counters counters() {
    return counters;
  }

  public FaultInjector faults() {
    return faults;
  }

  public ArmThrottling throttling() {
    return throttling;
  }

  /** Long-running operation plans per operation name ({@code vm_patch}, {@code vmss_put}, ...). */
  public LongRunningOperations operations() {
    return operations;
  }

  public void imdsLimits(boolean enabled) {
    imdsLimits.set(enabled);
  }

  public Clock clock() {
    return options.clock();
  }

  public TrustMaterial trust() {
    return trust;
  }

  /** A TLS context trusting only this simulator's CA, for one client. */
  public SSLContext clientSslContext() {
    return trust.clientSslContext();
  }

  /** The Resource Manager endpoint, e.g. {@code https://127.0.0.1:41001/}. */
  public URI armUrl() {
    return URI.create(arm.baseUri() + "/");
  }

  /** The Azure AD authority host, e.g. {@code https://127.0.0.1:41002/}; authorities are {@code {aad}{tenant}}. */
  public URI aadUrl() {
    return URI.create(aad.baseUri() + "/");
  }

  /** The admin endpoint's base URL, without trailing slash: routes are {@code {admin}/admin/...}. */
  public URI adminUrl() {
    return admin.baseUri();
  }

  /** The IMDS base URL of a VM or scale-set instance (the value for {@code AZURE_POD_IDENTITY_AUTHORITY_HOST}). */
  public URI imdsEndpoint(MachineRef machine) {
    return imds.endpoint(machine).orElseThrow(() -> new IllegalArgumentException("no machine " + machine.armId()));
  }

  public Endpoints endpoints() {
    Map<String, URI> machines = new java.util.TreeMap<>();
    world.compute().vms().forEach(vm -> imds.endpoint(MachineRef.vm(vm.id()))
        .ifPresent(u -> machines.put(vm.id().toString(), u)));
    world.compute().scaleSets().forEach(ss -> ss.instances().forEach(i -> {
      MachineRef ref = MachineRef.instance(ss.id(), i.instanceId());
      imds.endpoint(ref).ifPresent(u -> machines.put(ref.armId(), u));
    }));
    return new Endpoints(armUrl(), aadUrl(), adminUrl(), machines);
  }

  /** Writes {@code ca.pem}, {@code truststore.p12}, {@code endpoints.env} and {@code endpoints.json} to a directory. */
  public Map<String, String> writeClientFiles(Path dir) {
    return ClientFiles.write(dir, endpoints(), trust);
  }

  private JsonObject endpointsJson() {
    Endpoints e = endpoints();
    JsonObject json = new JsonObject();
    json.addProperty("ARM_URL", e.arm().toString());
    json.addProperty("AAD_URL", e.aad().toString());
    json.addProperty("ADMIN_URL", e.admin().toString());
    json.add("IMDS_URLS", Json.element(new java.util.TreeMap<>(e.imds())));
    return json;
  }

  @Override
  public void close() {
    for (AutoCloseable c : new AutoCloseable[] {admin, arm, aad, imds}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // closing is best effort; the listeners are independent
        }
      }
    }
    timer.shutdownNow();
  }
}
