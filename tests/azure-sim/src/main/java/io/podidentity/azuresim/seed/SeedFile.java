package io.podidentity.azuresim.seed;

import com.google.gson.JsonObject;
import io.podidentity.azuresim.http.Json;
import io.podidentity.azuresim.world.Application;
import io.podidentity.azuresim.world.ImdsBinding;
import io.podidentity.azuresim.world.MachineOptions;
import io.podidentity.azuresim.world.ResourceGroup;
import io.podidentity.azuresim.world.ResourceId;
import io.podidentity.azuresim.world.Subscription;
import io.podidentity.azuresim.world.Tenant;
import io.podidentity.azuresim.world.UserAssignedIdentity;
import io.podidentity.azuresim.world.World;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;

/**
 * Loads a JSON seed (the format {@code tests/azure-sim/README.md} documents) into a world: tenants, subscriptions,
 * resource groups, user-assigned identities, applications, VMs, scale sets and role assignments, in that order so
 * later entries can refer to earlier ones. Ids the seed gives are kept; the others are random UUIDs. Seeding is
 * additive and may be repeated.
 */
public final class SeedFile {
  private SeedFile() {}

  public static void apply(World world, Path file) {
    try {
      apply(world, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read seed file " + file, e);
    }
  }

  public static void apply(World world, String json) {
    JsonObject root = Json.parseObject(json).orElseThrow(() -> new IllegalArgumentException("seed is not a JSON "
        + "object"));
    SeedReader.list(root, "tenants").forEach(t -> world.directory().put(new Tenant(id(t, "id"),
        t.optional("displayName").orElse("Simulated tenant"))));
    SeedReader.list(root, "subscriptions").forEach(s -> world.directory().put(new Subscription(id(s, "id"),
        s.required("tenantId"), s.optional("displayName").orElse("Simulated subscription"))));
    SeedReader.list(root, "resourceGroups").forEach(g -> world.directory().put(new ResourceGroup(
        g.required("subscriptionId"), g.required("name"), g.optional("location").orElse("westeurope"))));
    SeedReader.list(root, "userAssignedIdentities").forEach(i -> identity(world, i));
    SeedReader.list(root, "applications").forEach(a -> application(world, a));
    SeedReader.list(root, "virtualMachines").forEach(v -> SeedMachines.virtualMachine(world, v));
    SeedReader.list(root, "scaleSets").forEach(s -> SeedMachines.scaleSet(world, s));
    SeedReader.list(root, "roleAssignments").forEach(r -> world.assignRole(principal(world, r.required(
        "principal")), r.required("role"), r.required("scope")));
  }

  private static void identity(World world, SeedReader i) {
    String sub = i.required("subscriptionId");
    ResourceGroup group = world.directory().resourceGroup(sub, i.required("resourceGroup")).orElseGet(() ->
        world.addResourceGroup(sub, i.required("resourceGroup"), i.optional("location").orElse("westeurope")));
    world.identities().put(new UserAssignedIdentity(ResourceId.userAssignedIdentity(sub, group.name(),
        i.required("name")), i.optional("location").orElse(group.location()), world.tenantOf(sub), id(i, "principalId"),
        id(i, "clientId"), i.map("tags"), i.federatedCredentials()));
  }

  private static void application(World world, SeedReader a) {
    world.directory().put(new Application(a.required("tenantId"), id(a, "appId"), id(a, "servicePrincipalId"),
        a.required("displayName"), a.strings("secrets"), a.strings("certificates").stream()
            .map(SeedFile::certificate).toList(), a.federatedCredentials(), a.strings("identifierUris"),
        a.integer("accessTokenVersion", 1)));
  }

  /** A role assignment principal: an object id, {@code application:<appId or name>} or {@code identity:<id>}. */
  static String principal(World world, String reference) {
    if (reference.startsWith("application:")) {
      String key = reference.substring("application:".length());
      return world.directory().applications().stream()
          .filter(a -> a.appId().equalsIgnoreCase(key) || a.displayName().equals(key)).findFirst()
          .map(Application::servicePrincipalId)
          .orElseThrow(() -> new IllegalArgumentException("unknown application " + key));
    }
    if (reference.startsWith("identity:")) {
      String key = reference.substring("identity:".length());
      return world.identities().get(key).map(UserAssignedIdentity::principalId)
          .orElseThrow(() -> new IllegalArgumentException("unknown identity " + key));
    }
    return reference;
  }

  static MachineOptions options(SeedReader m) {
    MachineOptions d = MachineOptions.DEFAULTS;
    List<ImdsBinding> imds = m.oneOrMany("imds").stream().map(b -> new ImdsBinding(b.optional("host")
        .orElse("127.0.0.1"), b.integer("port", 0))).toList();
    return new MachineOptions(m.optional("location").orElse(d.location()), m.optional("vmSize").orElse(d.vmSize()),
        m.flag("systemAssigned"), m.map("tags"), imds);
  }

  private static String id(SeedReader r, String member) {
    return r.optional(member).orElseGet(() -> UUID.randomUUID().toString());
  }

  private static X509Certificate certificate(String pem) {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("invalid certificate in seed", e);
    }
  }
}
